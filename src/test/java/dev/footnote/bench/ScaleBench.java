package dev.footnote.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * The scale benchmark: an index of N passages in a scratch database ({@code footnote_scale_<N>}, dropped and
 * recreated each run), loaded without the model ({@link ScaleLoader}), then served by the packaged application and
 * measured: latency of {@code GET /api/passages} at 1 client and throughput at 16 over questions never asked
 * before, recall@10 of the HNSW scan, hit@5 of the public questions, build time, size on disk and the server's
 * resident memory. Details go to stderr; stdout gets the one {@link ScaleSummary} line.
 *
 * <p>The server and source database come from {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} and
 * {@code _PASSWORD}, as the application reads them ({@code scripts/db up} prints them); the source is that URL's
 * database unless {@code --source} names another on the same server. A source without vectors is indexed first
 * by the application's {@code reindex}.
 *
 * <p>Usage: {@code ScaleBench N [--source DB] [--requests R] [--jar quarkus-run.jar] [--questions FILE.jsonl]}
 * (R: requests at 1 client, twice as many at 16; default 200). Run it with {@code scripts/bench-scale}.
 */
public final class ScaleBench {

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].matches("\\d+")) {
            System.err.println("usage: ScaleBench N [--source DB] [--requests R] [--jar JAR] [--questions FILE]");
            System.exit(2);
        }
        Options options = Options.parse(args);
        System.out.println(run(options).line());
    }

    /** The benchmark's settings, from the command line. */
    record Options(int passages, String source, int requests, Path jar, Path questions) {

        static Options parse(String[] args) {
            String source = null;
            int requests = 200;
            Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
            Path questions = Path.of("src/test/resources/eval/public-questions.jsonl");
            for (int i = 1; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--source" -> source = args[i + 1];
                    case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                    case "--jar" -> jar = Path.of(args[i + 1]);
                    case "--questions" -> questions = Path.of(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(Integer.parseInt(args[0]), source, requests, jar, questions);
        }
    }

    static ScaleSummary run(Options options) throws Exception {
        ScaleDatabases server = new ScaleDatabases(require("QUARKUS_DATASOURCE_JDBC_URL"),
                require("QUARKUS_DATASOURCE_USERNAME"),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
        String sourceName = options.source() != null ? options.source()
                : require("QUARKUS_DATASOURCE_JDBC_URL").replaceFirst("^jdbc:postgresql://[^/]*/([^?]*).*$", "$1");
        String scratch = "footnote_scale_" + options.passages();
        Path log = Files.createTempFile("footnote-scale-", ".log");
        log("log of the application: %s", log);

        SourceIndex source = readSource(server, sourceName, options.jar(), log);
        log("source %s: %d windows with vectors, %d served passages", sourceName, source.windows().size(),
                source.servedPassages());

        long started = System.nanoTime();
        server.recreate(scratch);
        double hnswSeconds;
        try (Connection connection = server.connect(scratch)) {
            hnswSeconds = new ScaleLoader(connection).load(source, options.passages(), options.passages());
        }
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        long diskMb;
        try (Connection connection = server.connect(scratch); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_database_size(current_database()),"
                        + " (SELECT count(*) FROM passage_embedding), pg_relation_size('passage_embedding_hnsw')")) {
            row.next();
            diskMb = row.getLong(1) / (1024 * 1024);
            log("built %s in %.1f s (HNSW index %.1f s): %d windows, HNSW index %d MB, database %d MB", scratch,
                    buildSeconds, hnswSeconds, row.getLong(2), row.getLong(3) / (1024 * 1024), diskMb);
        }

        ScaleQuestions questions = new ScaleQuestions(source, 7_000_000L + options.passages());
        double recall10;
        try (Connection connection = server.connect(scratch)) {
            ScaleRecall recall = new ScaleRecall(connection);
            recall10 = recall.measure(questions.next(50));
            log("recall@10 of the HNSW scan (ef_search %d) over 50 questions: %.3f", ScaleRecall.EF_SEARCH, recall10);
            for (String question : questions.next(3)) {
                log("search statement for \"%s\": %s", question, recall.plan(question));
            }
        }
        try (ScaleServer serving = ScaleServer.serve(options.jar(), server, scratch, log)) {
            ScaleLatency client = new ScaleLatency(serving.base());
            ScaleStages stages = new ScaleStages(serving.base());
            client.round(questions.next(Math.min(40, options.requests())), 1);
            Map<String, double[]> before = stages.read();
            ScaleLatency.Round one = client.round(questions.next(options.requests()), 1);
            Map<String, double[]> between = stages.read();
            if (one.millis().isEmpty()) {
                throw new IllegalStateException("no search was answered at 1 client; see " + log);
            }
            log("1 client:   %d answered, %d failed, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f requests/s;"
                    + " per search: %s", one.millis().size(), one.failed(), one.percentile(50), one.percentile(95),
                    one.percentile(99), one.perSecond(), ScaleStages.since(before, between));
            ScaleLatency.Round sixteen = client.round(questions.next(2 * options.requests()), 16);
            log("16 clients: %d answered, %d failed, p50 %.1f ms, p95 %.1f ms, %.1f requests/s; per search: %s",
                    sixteen.millis().size(), sixteen.failed(), sixteen.percentile(50), sixteen.percentile(95),
                    sixteen.perSecond(), ScaleStages.since(between, stages.read()));
            double hit5 = ScaleHits.measure(client, options.questions());
            log("hit@5 of %s: %.2f", options.questions(), hit5);
            long rssMb = serving.rssMb();
            return new ScaleSummary(options.passages(), new ScaleSummary.Latency(one.percentile(50),
                    one.percentile(95), one.percentile(99), sixteen.perSecond()), recall10, hit5, buildSeconds, diskMb,
                    rssMb);
        }
    }

    /** The source's served index, indexing it first with the application if it holds no vectors. */
    private static SourceIndex readSource(ScaleDatabases server, String name, Path jar, Path log) throws Exception {
        try (Connection connection = server.connect(name)) {
            if (!SourceIndex.hasVectors(connection)) {
                log("source %s holds no vectors: indexing it with reindex (see the log)", name);
                ScaleServer.run(jar, server, name, log, "reindex");
            }
        }
        try (Connection connection = server.connect(name)) {
            return SourceIndex.read(connection);
        }
    }

    private static String require(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set (scripts/db up prints it)");
        }
        return value;
    }

    static void log(String format, Object... args) {
        System.err.println("bench-scale: " + String.format(Locale.ROOT, format, args));
    }
}
