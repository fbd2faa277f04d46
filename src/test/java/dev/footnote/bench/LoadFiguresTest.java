package dev.footnote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The load benchmark's figures: CPU read from {@code /proc}, and the line scripts parse. */
class LoadFiguresTest {

    @Test
    void should_read_user_and_system_time_after_a_command_name_with_spaces_and_parentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9 0 0 0 250 75 0 0 20 0 30 0 123 0 0";
        assertThat(ProcessCpu.command(stat)).isEqualTo("java (main) x");
        assertThat(ProcessCpu.ticks(stat)).isEqualTo(325);
    }

    @Test
    void should_count_the_cpu_this_process_spends() {
        long pid = ProcessHandle.current().pid();
        OptionalLong before = ProcessCpu.millis(pid);
        assertThat(before).isPresent();
        long deadline = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < deadline) {
            sink += Math.sqrt(sink + 1);
        }
        assertThat(sink).isPositive();
        assertThat(ProcessCpu.millis(pid).getAsLong()).isGreaterThanOrEqualTo(before.getAsLong() + 100);
        assertThat(ProcessCpu.millis(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void should_print_one_line_of_name_value_pairs() {
        LoadRun run = new LoadRun("1 client", List.of(30.0, 10.0, 20.0, 40.0), 1, 2.0, 0.5, OptionalDouble.of(4.25),
                OptionalDouble.empty());
        assertThat(run.line()).isEqualTo("1 client   requests 4 errors 1 p50_ms 30.0 p95_ms 40.0 p99_ms 40.0 "
                + "rps 2.0 load 0.50 server_cpu_ms 4.3");
        assertThat(run.percentile(0.0)).isEqualTo(10.0);
    }
}
