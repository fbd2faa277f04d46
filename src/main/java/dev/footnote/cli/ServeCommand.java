package dev.footnote.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.corpus.CorpusLocation;
import dev.footnote.index.CorpusWatch;
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
    private final CorpusWatch watch;

    private final FootnoteConfig config;
    private final String host;

    public ServeCommand(Index index, CorpusLocation corpus, CorpusWatch watch, FootnoteConfig config,
            @ConfigProperty(name = "quarkus.http.host") String host) {
        this.index = index;
        this.watch = watch;
        this.corpus = corpus;
        this.config = config;
        this.host = host;
    }

    @Override
    public Integer call() {
        boolean keysRequired = config.api().keys().map(keys -> keys.stream().anyMatch(key -> !key.isBlank()))
                .orElse(false);
        if (!keysRequired && !isLoopback(host)) {
            LOG.warnf("Footnote listens on %s without API keys: anyone who can reach this machine can ask questions "
                    + "and read the essays. Set footnote.api.keys (FOOTNOTE_API_KEYS), or listen on 127.0.0.1 "
                    + "(QUARKUS_HTTP_HOST)", host);
        }
        index.requireCompatible();
        if (index.isEmpty()) {
            LOG.infof("The index is empty: indexing %s", corpus.folder());
            ReindexSummary summary = index.reindex(ReindexOptions.incremental(corpus.folder()),
                    new ProgressPrinter(System.err));
            LOG.info(summary.line());
        } else {
            LOG.infof("Serving %d essays (%d passages)", index.essayCount(), index.passageCount());
        }
        watch.start();
        Quarkus.waitForExit();
        return 0;
    }

    /** Whether {@code host} is an address only this machine reaches. */
    static boolean isLoopback(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.startsWith("127.") || name.equals("::1") || name.equals("[::1]");
    }
}
