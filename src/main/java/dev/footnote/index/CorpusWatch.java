package dev.footnote.index;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.footnote.corpus.CorpusLocation;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps a served index in line with its corpus folder ({@code footnote.corpus.watch}, a period such as {@code 5m};
 * {@code off} by default): every period, {@code serve} runs the same incremental reindex as {@code reindex}. When
 * no file changed, that run reads nothing but the files' digests; when some did, only their essays are read and
 * embedded again, and readers keep the previous index until the new one is published. One run at a time: a period
 * that comes while a reindex (this one or another process's) holds the lock is skipped. A run that would remove
 * most of the index (a folder unmounted) is refused and logged, as {@code reindex} refuses it without
 * {@code --allow-removals}.
 */
@ApplicationScoped
public class CorpusWatch {

    private static final Logger LOG = Logger.getLogger(CorpusWatch.class);

    private final Index index;
    private final CorpusLocation corpus;
    private final AtomicBoolean serving = new AtomicBoolean();

    public CorpusWatch(Index index, CorpusLocation corpus) {
        this.index = index;
        this.corpus = corpus;
    }

    /** Starts watching: only {@code serve} does, once its index is built, never a one-off command. */
    public void start() {
        serving.set(true);
    }

    @Scheduled(identity = "corpus-watch", every = "${footnote.corpus.watch}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (!serving.get()) {
            return;
        }
        try {
            ReindexSummary summary = index.reindex(ReindexOptions.incremental(corpus.folder()), ReindexListener.SILENT);
            if (summary.added() + summary.changed() + summary.removed() > 0) {
                LOG.infof("The corpus changed: %s", summary.line());
            }
        } catch (ReindexConflictException e) {
            LOG.debugf("Another reindex is running; the corpus is checked again next period");
        } catch (RuntimeException e) {
            LOG.warnf("Watching %s: %s; the index keeps serving as it was", corpus.folder(), e.getMessage());
        }
    }
}
