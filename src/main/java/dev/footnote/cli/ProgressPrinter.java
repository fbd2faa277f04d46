package dev.footnote.cli;

import java.io.PrintStream;
import java.util.Locale;

import dev.footnote.index.ReindexListener;

/** Prints reindex progress on stderr at most once a second: essays and passages done, rate, time left. */
final class ProgressPrinter implements ReindexListener {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private long started;
    private long lastPrinted;
    private int essays;
    private int passages;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void planned(int essays, int passages) {
        this.essays = essays;
        this.passages = passages;
        this.started = System.nanoTime();
        this.lastPrinted = started;
        out.printf(Locale.ROOT, "reindex: %d essays (%d passages) to write%n", essays, passages);
    }

    @Override
    public void progressed(int essaysDone, int passagesDone, long tokens) {
        long now = System.nanoTime();
        if (now - lastPrinted < INTERVAL_NANOS && essaysDone < essays) {
            return;
        }
        lastPrinted = now;
        double elapsed = Math.max(1e-9, (now - started) / 1e9);
        double passagesPerSecond = passagesDone / elapsed;
        double left = passagesPerSecond > 0 ? (passages - passagesDone) / passagesPerSecond : 0;
        out.printf(Locale.ROOT, "reindex: %d/%d essays, %d/%d passages, %.0f passages/s, %.0f word pieces/s, ~%.0f s left%n",
                essaysDone, essays, passagesDone, passages, passagesPerSecond, tokens / elapsed, left);
    }
}
