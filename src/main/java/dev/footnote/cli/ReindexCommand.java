package dev.footnote.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.footnote.corpus.CorpusLocation;
import dev.footnote.index.Index;
import dev.footnote.index.ReindexOptions;
import dev.footnote.index.ReindexSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reindex}: brings the index in line with the corpus; progress on stderr, one summary line on stdout. */
@Command(name = "reindex", description = "Bring the index in line with the corpus: add, replace and remove essays.")
public class ReindexCommand implements Callable<Integer> {

    @Option(names = "--full", description = "Rebuild every essay, embedding every passage again.")
    boolean full;

    @Option(names = "--dry-run", description = "Print what would change and change nothing.")
    boolean dryRun;

    @Option(names = "--allow-removals",
            description = "Go ahead even if more than half of the indexed essays would be removed.")
    boolean allowRemovals;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of essays (default: footnote.corpus.dir).")
    Path corpusDir;

    private final Index index;
    private final CorpusLocation corpus;

    public ReindexCommand(Index index, CorpusLocation corpus) {
        this.index = index;
        this.corpus = corpus;
    }

    @Override
    public Integer call() {
        Path folder = corpusDir != null ? corpusDir : corpus.folder();
        ReindexSummary summary = index.reindex(new ReindexOptions(folder, full, dryRun, allowRemovals),
                new ProgressPrinter(System.err));
        summary.skipped().forEach(skipped -> System.err.println("skipped " + skipped));
        System.out.println((dryRun ? "dry run: " : "") + summary.line());
        return 0;
    }
}
