package dev.footnote.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The figures of one run of the load benchmark: latencies, throughput, refused or failed requests, the machine's
 * load beside them, and the CPU the server and PostgreSQL spent per request when their processes could be read.
 */
record LoadRun(String label, List<Double> millis, int errors, double seconds, double loadAverage,
        OptionalDouble serverCpuMillis, OptionalDouble databaseCpuMillis) {

    LoadRun {
        millis = new ArrayList<>(millis);
        Collections.sort(millis);
        millis = List.copyOf(millis);
    }

    int requests() {
        return millis.size();
    }

    double percentile(double share) {
        return millis.isEmpty() ? Double.NaN : millis.get(Math.min(millis.size() - 1, (int) (millis.size() * share)));
    }

    double requestsPerSecond() {
        return requests() / seconds;
    }

    /**
     * One line, {@code name value} pairs after the label, for people and for scripts alike:
     * {@code 1 client   requests 200 errors 0 p50_ms 8.1 p95_ms 12.0 p99_ms 15.2 rps 110.3 load 0.42 server_cpu_ms 4.1 db_cpu_ms 3.0}.
     * A CPU figure that could not be read is left out.
     */
    String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%-10s requests %d errors %d p50_ms %.1f p95_ms %.1f p99_ms %.1f rps %.1f load %.2f", label,
                requests(), errors, percentile(0.50), percentile(0.95), percentile(0.99), requestsPerSecond(),
                loadAverage));
        serverCpuMillis.ifPresent(ms -> line.append(String.format(Locale.ROOT, " server_cpu_ms %.1f", ms)));
        databaseCpuMillis.ifPresent(ms -> line.append(String.format(Locale.ROOT, " db_cpu_ms %.1f", ms)));
        return line.toString();
    }
}
