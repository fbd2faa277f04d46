package dev.footnote.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code GET /api/passages?k=5} timed from a given number of concurrent clients, each question sent once (as in
 * {@link PassagesLoadBench}, but never a repeated question).
 */
final class ScaleLatency {

    /** Sorted latencies in milliseconds, and the requests per second of the whole round. */
    record Round(List<Double> millis, double perSecond) {

        /** The nearest-rank percentile, {@code p} in (0, 100]. */
        double percentile(double p) {
            int rank = (int) Math.ceil(p / 100 * millis.size());
            return millis.get(Math.max(0, rank - 1));
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ScaleLatency(String base) {
        this.base = base;
    }

    /** Sends every question once, spread over the clients; fails on any answer but 200. */
    Round round(List<String> questions, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Double>>> results = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                List<String> mine = new ArrayList<>();
                for (int i = c; i < questions.size(); i += clients) {
                    mine.add(questions.get(i));
                }
                results.add(pool.submit(() -> send(mine)));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> result : results) {
                all.addAll(result.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Collections.sort(all);
            return new Round(all, all.size() / seconds);
        } finally {
            pool.shutdown();
        }
    }

    /** The body of {@code GET /api/passages?k=…&q=…}; fails on any answer but 200. */
    String passages(String question, int k) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/passages?k=" + k + "&q="
                + URLEncoder.encode(question, StandardCharsets.UTF_8))).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + question + ": "
                    + response.body());
        }
        return response.body();
    }

    private List<Double> send(List<String> questions) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (String question : questions) {
            long t0 = System.nanoTime();
            passages(question, 5);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        return millis;
    }
}
