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
 * {@link PassagesLoadBench}, but never a repeated question). A round counts failed requests (a 503 when searches
 * outlast the database timeout) instead of stopping; only answered ones count in latency and throughput.
 */
final class ScaleLatency {

    /** Sorted latencies in milliseconds of the answered requests, their rate over the round, and failures. */
    record Round(List<Double> millis, double perSecond, int failed) {

        /** The nearest-rank percentile, {@code p} in (0, 100]; NaN if no request was answered. */
        double percentile(double p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * millis.size());
            return millis.get(Math.max(0, rank - 1));
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ScaleLatency(String base) {
        this.base = base;
    }

    /** Sends every question once, spread over the clients. */
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
            List<Double> answered = new ArrayList<>(all.stream().filter(millis -> millis >= 0).toList());
            Collections.sort(answered);
            return new Round(answered, answered.size() / seconds, all.size() - answered.size());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The body of {@code GET /api/passages?k=…&q=…}, asked again after a pause while the server answers 503 (its
     * database calls failing or shed), at most ten times; fails on any other answer but 200.
     */
    String passages(String question, int k) throws Exception {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = get(question, k);
            if (response.statusCode() == 200) {
                return response.body();
            }
            if (response.statusCode() != 503 || attempt == 10) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " for " + question + ": "
                        + response.body());
            }
            Thread.sleep(5_000);
        }
    }

    private HttpResponse<String> get(String question, int k) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/passages?k=" + k + "&q="
                + URLEncoder.encode(question, StandardCharsets.UTF_8))).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Milliseconds per question, negative for a request that was not answered with 200. */
    private List<Double> send(List<String> questions) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (String question : questions) {
            long t0 = System.nanoTime();
            int status = get(question, 5).statusCode();
            double elapsed = (System.nanoTime() - t0) / 1e6;
            millis.add(status == 200 ? elapsed : -1);
        }
        return millis;
    }
}
