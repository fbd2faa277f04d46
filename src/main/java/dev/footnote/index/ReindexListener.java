package dev.footnote.index;

/** Hears how far a reindex has got; the command line turns this into progress lines on stderr. */
public interface ReindexListener {

    ReindexListener SILENT = new ReindexListener() {
    };

    /** Called once the plan is known: {@code essays} to write with {@code passages} passages between them. */
    default void planned(int essays, int passages) {
    }

    /** Called after each essay is written. {@code tokens} counts word pieces embedded so far. */
    default void progressed(int essaysDone, int passagesDone, long tokens) {
    }
}
