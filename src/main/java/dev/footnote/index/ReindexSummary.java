package dev.footnote.index;

import java.util.List;
import java.util.Locale;

/**
 * What a reindex did (or, for a dry run, would do).
 *
 * @param passages passages served once the run is published
 * @param embedded passages that went through the embedding model (the rest reused a stored vector)
 * @param skipped  corpus files that could not be read, with the reason
 */
public record ReindexSummary(int added, int changed, int removed, int unchanged, int passages, int embedded,
        double seconds, boolean dryRun, List<String> skipped) {

    /** The one-line summary that {@code reindex} prints on stdout. */
    public String line() {
        return String.format(Locale.ROOT, "%s; embedded: %d; took %.1f s", counts(), embedded, seconds);
    }

    /** The essays and passages of {@link #line()}, which a run's plan reports in the same words. */
    public String counts() {
        return String.format(Locale.ROOT, "essays: %d added, %d changed, %d removed, %d unchanged; passages: %d",
                added, changed, removed, unchanged, passages);
    }
}
