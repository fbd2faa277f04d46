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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency, throughput and CPU per request of {@code GET /api/passages} (or {@code POST /api/chat}) against a
 * running server: a warm-up, then one client, then 16 concurrent clients, each run printed as one
 * {@link LoadRun#line()}. Each client walks the questions in turn from where the run before stopped, so with a set
 * longer than all runs together no question is asked twice and none is answered from the query-embedding cache.
 *
 * <p>Run with {@code scripts/bench-search}, which starts the server and passes its process id so that its CPU
 * and PostgreSQL's are read from {@code /proc}. Arguments: base URL, question files (comma-separated JSONL),
 * requests per client, {@code passages} or {@code chat}, and optionally the server's process id. Loopback only.
 */
public final class PassagesLoadBench {

    private static final Pattern QUESTION = Pattern.compile("\"question\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int CLIENTS = 16;
    private static final int WARM_UP_ROUNDS = 10;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> questions = new ArrayList<>();
        for (String file : args[1].split(",")) {
            for (String line : Files.readAllLines(Path.of(file))) {
                Matcher m = QUESTION.matcher(line);
                if (m.find()) {
                    questions.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
        }
        int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        boolean chat = args.length > 3 && args[3].equals("chat");
        OptionalLong serverPid = args.length > 4 ? OptionalLong.of(Long.parseLong(args[4])) : OptionalLong.empty();
        HttpClient http = HttpClient.newHttpClient();
        int warmUp = perClient;
        int asked = warmUp + perClient + CLIENTS * (perClient / 4);
        System.out.printf("%s, %d questions, %d asked%s%n", chat ? "POST /api/chat" : "GET /api/passages?k=5",
                questions.size(), asked, asked > questions.size() ? " (some twice)" : "");
        Load load = new Load(http, base, questions, chat, serverPid);
        // the same questions ten times: the first round warms the model too, the others (answered from the
        // query-embedding cache) let the compiler settle, so that the runs measured see the server's steady state
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            load.run(0, 1, warmUp, "warm-up " + round);
        }
        System.out.println(load.run(warmUp, 1, perClient, "1 client").line());
        System.out.println(load.run(warmUp + perClient, CLIENTS, perClient / 4, CLIENTS + " clients").line());
    }

    private record Load(HttpClient http, String base, List<String> questions, boolean chat, OptionalLong serverPid) {

        /**
         * Sends {@code perClient} questions from each of {@code clients} clients, client {@code c} taking questions
         * {@code first + c}, {@code first + c + clients}, …, so that the clients together ask each question once.
         */
        LoadRun run(int first, int clients, int perClient, String label) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<List<Double>>> results = new ArrayList<>();
            AtomicInteger errors = new AtomicInteger();
            double load = loadAverage();
            OptionalLong serverBefore = serverCpu();
            Map<String, Long> threadsBefore = serverThreads();
            long databaseBefore = ProcessCpu.millisOfAll("postgres");
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int offset = first + c;
                results.add(pool.submit(() -> {
                    List<Double> millis = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        String question = questions.get((offset + i * clients) % questions.size());
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.send(request(question),
                                HttpResponse.BodyHandlers.ofString());
                        millis.add((System.nanoTime() - t0) / 1e6);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
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
            OptionalLong serverAfter = serverCpu();
            printThreads(label, threadsBefore, serverThreads(), all.size());
            long databaseAfter = ProcessCpu.millisOfAll("postgres");
            OptionalDouble serverPerRequest = serverBefore.isPresent() && serverAfter.isPresent()
                    ? OptionalDouble.of((serverAfter.getAsLong() - serverBefore.getAsLong()) / (double) all.size())
                    : OptionalDouble.empty();
            OptionalDouble databasePerRequest = databaseBefore > 0
                    ? OptionalDouble.of((databaseAfter - databaseBefore) / (double) all.size())
                    : OptionalDouble.empty();
            return new LoadRun(label, all, errors.get(), seconds, load, serverPerRequest, databasePerRequest);
        }

        private HttpRequest request(String question) {
            return chat
                    ? HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \""
                                    + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")).build()
                    : HttpRequest.newBuilder(URI.create(base + "/api/passages?k=5&q="
                            + URLEncoder.encode(question, StandardCharsets.UTF_8))).GET().build();
        }

        private Map<String, Long> serverThreads() {
            return serverPid.isPresent() ? ProcessCpu.millisByThread(serverPid.getAsLong()) : Map.of();
        }

        /** On stderr, where the server's CPU went, per request: the kinds of thread that used 2 % or more. */
        private static void printThreads(String label, Map<String, Long> before, Map<String, Long> after,
                int requests) {
            long total = after.values().stream().mapToLong(Long::longValue).sum()
                    - before.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder line = new StringBuilder(label + ", server threads (ms per request):");
            after.forEach((kind, millis) -> {
                long spent = millis - before.getOrDefault(kind, 0L);
                if (total > 0 && spent * 50 >= total) {
                    line.append(String.format(Locale.ROOT, " %s %.1f", kind.strip(), spent / (double) requests));
                }
            });
            System.err.println(line);
        }

        private OptionalLong serverCpu() {
            return serverPid.isPresent() ? ProcessCpu.millis(serverPid.getAsLong()) : OptionalLong.empty();
        }
    }

    /** The machine's load over the last minute, as the run starts: what else was competing for the cores. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
