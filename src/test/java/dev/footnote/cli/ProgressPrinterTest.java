package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.footnote.index.ReindexSummary;

/** Progress lines of a reindex, on a clock the test moves. */
class ProgressPrinterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Pattern LEFT = Pattern.compile("~(\\d+) s left");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private long now;
    private final ProgressPrinter printer = new ProgressPrinter(new PrintStream(printed, true, StandardCharsets.UTF_8),
            () -> now);

    /** A first index of 47 essays: 1096 windows embedded in calls of 128, each followed by writing its essays. */
    private static final ReindexSummary FIRST_INDEX = new ReindexSummary(47, 0, 0, 0, 701, 1096, 0, false, List.of());

    @Test
    void should_announce_the_plan_in_the_words_and_numbers_of_the_summary() {
        printer.planned(FIRST_INDEX, 47);
        assertThat(lines()).containsExactly(
                "reindex: plan: essays: 47 added, 0 changed, 0 removed, 0 unchanged; passages: 701; to embed: 1096");
        assertThat(FIRST_INDEX.line()).startsWith(FIRST_INDEX.counts() + "; embedded: 1096;");
    }

    @Test
    void should_not_swing_the_time_left_when_the_first_model_call_is_slow() {
        // given a model whose first call, warming up, takes 20 s, and every later one 4 s; writing takes 0.2 s
        printer.planned(FIRST_INDEX, 47);
        int embedded = 0;
        int essays = 0;
        for (int call = 0; embedded < 1096; call++) {
            now += (call == 0 ? 20 : 4) * SECOND;
            embedded = Math.min(1096, embedded + 128);
            int essaysAfter = embedded == 1096 ? 47 : essays + 5;
            for (; essays < essaysAfter; essays++) {
                now += SECOND / 25;
                printer.progressed(essays + 1, embedded, embedded * 60L);
            }
        }
        List<String> lines = lines();
        assertThat(lines.get(lines.size() - 1)).startsWith("reindex: embedded 1096 of 1096, ")
                .doesNotContain("left");
        assertThat(lines).filteredOn(line -> line.startsWith("reindex: embedded 1096 of")).hasSize(1);
        // then no time left is told before a tenth of the windows are measured after the first call
        assertThat(lines.get(1)).startsWith("reindex: embedded 128 of 1096, ").doesNotContain("left");
        // and the first one told is near the 29 s that were left then, and each later one smaller
        List<Integer> estimates = lines.stream().map(LEFT::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).toList();
        assertThat(estimates).hasSizeGreaterThanOrEqualTo(5);
        assertThat(estimates.get(0)).as("first estimate").isBetween(26, 35);
        for (int i = 1; i < estimates.size(); i++) {
            assertThat(estimates.get(i)).as("estimates fall").isLessThan(estimates.get(i - 1));
        }
    }

    @Test
    void should_print_only_the_plan_when_nothing_is_embedded() {
        ReindexSummary moved = new ReindexSummary(0, 0, 0, 47, 701, 0, 0, false, List.of());
        printer.planned(moved, 3);
        for (int essay = 1; essay <= 3; essay++) {
            now += 2 * SECOND;
            printer.progressed(essay, 0, 0);
        }
        assertThat(lines()).containsExactly(
                "reindex: plan: essays: 0 added, 0 changed, 0 removed, 47 unchanged; passages: 701; to embed: 0");
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
