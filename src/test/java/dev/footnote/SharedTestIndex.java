package dev.footnote;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.footnote.corpus.CorpusLocation;
import dev.footnote.index.Index;
import dev.footnote.index.IndexMismatchException;
import dev.footnote.index.ReindexListener;
import dev.footnote.index.ReindexOptions;
import dev.footnote.index.ReindexSummary;
import io.quarkus.runtime.StartupEvent;

/**
 * Indexes the test corpus into the test database once per test run, when the application starts; every
 * test class then shares that index. Incremental, so a run against a database indexed before embeds nothing;
 * an index built with other passage rules is rebuilt.
 * The test corpus ({@code footnote.corpus.dir} in tests) is the shipped essays plus {@link TestCorpus#MARKUP},
 * an essay whose text is full of HTML.
 */
@Singleton
public class SharedTestIndex {

    private static final Logger LOG = Logger.getLogger(SharedTestIndex.class);

    private static ReindexSummary summary;

    void onStart(@Observes StartupEvent event, Index index, CorpusLocation corpus) {
        TestCorpus.writeTestCorpus(corpus.folder());
        try {
            summary = index.reindex(ReindexOptions.incremental(corpus.folder()), ReindexListener.SILENT);
        } catch (IndexMismatchException e) {
            // built by an older version of the passage rules or model: rebuild, as a user would with --full
            summary = index.reindex(new ReindexOptions(corpus.folder(), true, false), ReindexListener.SILENT);
        }
        LOG.infof("Shared test index: %s", summary.line());
    }

    public static ReindexSummary summary() {
        return summary;
    }
}
