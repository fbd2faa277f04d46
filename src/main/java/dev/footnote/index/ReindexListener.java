package dev.footnote.index;

/** Hears how far a reindex has got; the command line turns this into progress lines on stderr. */
public interface ReindexListener {

    ReindexListener SILENT = new ReindexListener() {
    };

    /**
     * Called once the plan is known. {@code plan} holds the counts the run's summary will report (essays
     * added, changed, removed and unchanged, passages served, and as {@code embedded} the passage windows it
     * will embed), as a dry run would; {@code essayVersions} essays are written, which also counts unchanged
     * essays that only moved within their files.
     */
    default void planned(ReindexSummary plan, int essayVersions) {
    }

    /**
     * Called after each essay version is written: {@code essayVersions} of the planned ones, {@code embedded}
     * passage windows embedded so far (of the plan's {@code embedded}), {@code tokens} word pieces embedded.
     */
    default void progressed(int essayVersions, int embedded, long tokens) {
    }
}
