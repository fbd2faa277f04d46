package dev.footnote.bench;

import java.util.Locale;

/**
 * The figures of one scale benchmark run, printed as the one summary line the benchmark's contract names:
 * {@code N=… p50_ms=… p95_ms=… p99_ms=… rps16=… recall10=… hit5=… build_s=… disk_mb=… rss_mb=…}.
 *
 * @param passages passages served (generated and planted)
 * @param latency  {@code GET /api/passages}: percentiles at one client, answered requests per second at 16
 * @param recall10 share of the exact 10 nearest windows that the HNSW scan returns, averaged over queries
 * @param hit5     share of the public questions whose evidence is in the top 5 passages
 * @param buildSeconds loading, indexing and statistics, from an empty schema
 * @param diskMb   {@code pg_database_size} of the scratch database
 * @param rssMb    resident memory of the {@code serve} process after the load
 */
record ScaleSummary(int passages, Latency latency, double recall10, double hit5, double buildSeconds, long diskMb,
        long rssMb) {

    /** Percentiles of the single client and throughput of 16 clients. */
    record Latency(double p50, double p95, double p99, double rps16) {
    }

    String line() {
        return String.format(Locale.ROOT,
                "N=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f rps16=%.1f recall10=%.3f hit5=%.2f build_s=%.1f"
                        + " disk_mb=%d rss_mb=%d",
                passages, latency.p50(), latency.p95(), latency.p99(), latency.rps16(), recall10, hit5, buildSeconds,
                diskMb, rssMb);
    }
}
