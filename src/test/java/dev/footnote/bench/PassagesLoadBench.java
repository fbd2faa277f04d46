package dev.footnote.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency and throughput of {@code GET /api/passages} (or {@code POST /api/chat}) against a running server:
 * p50/p95 with one client and with 16 concurrent clients, and requests per second. Questions come from an evaluation file; each client
 * walks them in turn, so repeated questions hit the query-embedding cache as they would in use.
 *
 * <p>Run with {@code scripts/bench-search}, or: {@code java src/test/java/dev/footnote/bench/PassagesLoadBench.java
 * http://localhost:8080 questions.jsonl [requests-per-client] [passages|chat]}. Loopback only; bounded in count.
 */
public final class PassagesLoadBench {

    private static final Pattern QUESTION = Pattern.compile("\"question\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            Matcher m = QUESTION.matcher(line);
            if (m.find()) {
                questions.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        boolean chat = args.length > 3 && args[3].equals("chat");
        HttpClient http = HttpClient.newHttpClient();
        System.out.println(chat ? "POST /api/chat" : "GET /api/passages?k=5");
        int warmUp = Math.min(40, perClient);
        run(http, base, questions, 0, 1, warmUp, "warm-up", chat);
        run(http, base, questions, warmUp, 1, perClient, "1 client", chat);
        run(http, base, questions, warmUp + perClient, 16, perClient / 4, "16 clients", chat);
    }

    /**
     * Sends {@code perClient} questions from each of {@code clients} clients, client {@code c} starting at
     * question {@code first + c}: each run begins where the one before stopped, so a set longer than all runs
     * together asks the single client only questions not asked before.
     */
    private static void run(HttpClient http, String base, List<String> questions, int first, int clients,
            int perClient, String label, boolean chat) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = first + c;
            results.add(pool.submit(() -> {
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    String q = questions.get((offset + i) % questions.size());
                    HttpRequest request = chat
                            ? HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + q.replace("\\", "\\\\")
                                            .replace("\"", "\\\"") + "\"}")).build()
                            : HttpRequest.newBuilder(URI.create(base + "/api/passages?k=5&q="
                                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    millis.add((System.nanoTime() - t0) / 1e6);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
            all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "%-10s %5d requests  p50 %6.1f ms  p95 %6.1f ms  %6.1f requests/s%n", label,
                all.size(), all.get(all.size() / 2), all.get((int) (all.size() * 0.95)), all.size() / seconds);
    }
}
