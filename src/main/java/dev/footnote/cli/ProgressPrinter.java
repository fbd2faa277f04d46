package dev.footnote.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

import dev.footnote.index.ReindexListener;
import dev.footnote.index.ReindexSummary;

/**
 * Prints reindex progress on stderr: first the plan, in the words and numbers of the summary that ends the run,
 * then at most once a second the passage windows embedded of those planned, the rate and the time left.
 *
 * <p>The rate is measured from the end of the first model call, which also pays for the model's warm-up and
 * would make the time left look several times too long; the time left is printed only once a tenth of the
 * windows have been embedded after that, so that one slow or quick call does not swing it.
 */
final class ProgressPrinter implements ReindexListener {

    private static final long INTERVAL_NANOS = 1_000_000_000L;
    /** Share of the windows to embed that must be measured, after the first model call, to estimate the time left. */
    static final double MEASURED_SHARE = 0.1;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private long started;
    private long lastPrinted;
    private int lastEmbedded;
    private int essayVersions;
    private int toEmbed;
    /** Where the measured stretch starts: the end of the first model call; -1 until then. */
    private long measuredFrom = -1;
    private int embeddedBefore;
    private long tokensBefore;

    ProgressPrinter(PrintStream out) {
        this(out, System::nanoTime);
    }

    ProgressPrinter(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    @Override
    public void planned(ReindexSummary plan, int essayVersions) {
        this.essayVersions = essayVersions;
        this.toEmbed = plan.embedded();
        this.started = nanoClock.getAsLong();
        this.lastPrinted = started;
        out.printf(Locale.ROOT, "reindex: plan: %s; to embed: %d%n", plan.counts(), toEmbed);
    }

    @Override
    public void progressed(int essayVersionsDone, int embedded, long tokens) {
        long now = nanoClock.getAsLong();
        if (measuredFrom < 0 && embedded > 0) {
            measuredFrom = now;
            embeddedBefore = embedded;
            tokensBefore = tokens;
        }
        if (toEmbed == 0 || embedded == lastEmbedded
                || now - lastPrinted < INTERVAL_NANOS && essayVersionsDone < essayVersions) {
            return; // with nothing (more) to embed, the essays are written in moments
        }
        lastPrinted = now;
        lastEmbedded = embedded;
        boolean measured = measuredFrom >= 0 && embedded > embeddedBefore && now > measuredFrom;
        double seconds = Math.max(1e-9, (measured ? now - measuredFrom : now - started) / 1e9);
        double windowsPerSecond = (measured ? embedded - embeddedBefore : embedded) / seconds;
        double tokensPerSecond = (measured ? tokens - tokensBefore : tokens) / seconds;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "reindex: embedded %d of %d, %.0f windows/s, %.0f word pieces/s", embedded, toEmbed,
                windowsPerSecond, tokensPerSecond));
        if (measured && embedded < toEmbed && embedded - embeddedBefore >= MEASURED_SHARE * toEmbed) {
            line.append(String.format(Locale.ROOT, ", ~%.0f s left", (toEmbed - embedded) / windowsPerSecond));
        }
        out.println(line);
    }
}
