package dev.footnote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code scripts/bench-scale} at N = 5,000, so that the scale benchmark keeps working: it runs after packaging
 * (Failsafe), as it serves the packaged application. It reads the vectors of the test suite's index
 * ({@code footnote_test}, which the suite has built by then; indexed here first if not) and checks the summary
 * line's shape and that its values are sane, never how fast anything was.
 */
class ScaleBenchIT {

    private static final List<String> KEYS = List.of("N", "p50_ms", "p95_ms", "p99_ms", "rps16", "recall10", "hit5",
            "build_s", "disk_mb", "rss_mb");

    @Test
    void fiveThousandPassagesGiveOneSaneSummaryLine() throws Exception {
        Process bench = new ProcessBuilder("scripts/bench-scale", "5000", "--source", "footnote_test",
                "--requests", "20", "--warm-up", "2").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        bench.getOutputStream().close();
        String out;
        try (InputStream stdout = bench.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bench.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(bench.exitValue()).as("exit status; stdout: %s", out).isZero();

        String[] lines = out.strip().split("\n");
        assertThat(lines).as("stdout").hasSize(1);
        assertThat(lines[0]).matches("N=\\d+ p50_ms=[\\d.]+ p95_ms=[\\d.]+ p99_ms=[\\d.]+ rps16=[\\d.]+"
                + " recall10=[\\d.]+ hit5=[\\d.]+ build_s=[\\d.]+ disk_mb=\\d+ rss_mb=\\d+");
        Map<String, Double> values = new HashMap<>();
        for (String pair : lines[0].split(" ")) {
            String[] keyValue = pair.split("=");
            values.put(keyValue[0], Double.parseDouble(keyValue[1]));
        }
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(KEYS);
        assertThat(values.get("N")).isEqualTo(5000);
        assertThat(values.get("p50_ms")).isPositive();
        assertThat(values.get("p95_ms")).isGreaterThanOrEqualTo(values.get("p50_ms"));
        assertThat(values.get("p99_ms")).isGreaterThanOrEqualTo(values.get("p95_ms"));
        assertThat(values.get("rps16")).isPositive();
        // a few thousand vectors: the HNSW scan, at least 200 wide, finds nearly every exact neighbour (1.000 at
        // 10,000 passages in docs/scaling.md)
        assertThat(values.get("recall10")).isBetween(0.95, 1.0);
        // the planted essays are found among the generated ones (0.78 of the public questions at 10,000, falling
        // with the generated corpus's duplication, which is smaller here)
        assertThat(values.get("hit5")).isBetween(0.6, 1.0);
        assertThat(values.get("build_s")).isPositive();
        // at least the vectors themselves: 5,000 passages of 384 floats, at least one window each
        assertThat(values.get("disk_mb")).isBetween(5000 * 384 * 4 / 1e6, 1000.0);
        // a JVM that has served, within the memory bounds every serve gets (scripts/java-options)
        assertThat(values.get("rss_mb")).isBetween(100.0, 1536.0);
    }
}
