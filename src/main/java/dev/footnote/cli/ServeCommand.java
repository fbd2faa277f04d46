package dev.footnote.cli;

import java.util.concurrent.Callable;

import org.jboss.logging.Logger;

import dev.footnote.corpus.CorpusLocation;
import dev.footnote.index.Index;
import dev.footnote.index.ReindexOptions;
import dev.footnote.index.ReindexSummary;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

/** {@code serve}: HTTP until stopped. An empty index is filled from the corpus first, so a first run just works. */
@Command(name = "serve", description = "Serve the API and the chat page (indexes the corpus first if the index is empty).")
public class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(ServeCommand.class);

    private final Index index;
    private final CorpusLocation corpus;

    public ServeCommand(Index index, CorpusLocation corpus) {
        this.index = index;
        this.corpus = corpus;
    }

    @Override
    public Integer call() {
        index.requireCompatible();
        if (index.isEmpty()) {
            LOG.infof("The index is empty: indexing %s", corpus.folder());
            ReindexSummary summary = index.reindex(ReindexOptions.incremental(corpus.folder()),
                    new ProgressPrinter(System.err));
            LOG.info(summary.line());
        } else {
            LOG.infof("Serving %d essays (%d passages)", index.essayCount(), index.passageCount());
        }
        Quarkus.waitForExit();
        return 0;
    }
}
