package dev.footnote.index;

import java.nio.file.Path;

/**
 * @param corpus the folder of essays to bring the index in line with
 * @param full   rebuild every essay and embed every passage again, even if nothing changed
 * @param dryRun report what would change and change nothing
 * @param allowRemovals go ahead even when the run would remove more than half of the indexed essays, as a
 *               mistyped corpus folder would
 */
public record ReindexOptions(Path corpus, boolean full, boolean dryRun, boolean allowRemovals) {

    public ReindexOptions(Path corpus, boolean full, boolean dryRun) {
        this(corpus, full, dryRun, false);
    }

    /**
     * What serving, the admin endpoint and the tests run: bring the index in line with {@code corpus}, embedding
     * only what changed, and refuse to remove most of it.
     */
    public static ReindexOptions incremental(Path corpus) {
        return new ReindexOptions(corpus, false, false, false);
    }
}
