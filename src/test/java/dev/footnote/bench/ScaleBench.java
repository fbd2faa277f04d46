package dev.footnote.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.footnote.DatabaseServer;
import dev.footnote.PackagedApp;

/**
 * The scale benchmark: an index of N passages in a scratch database ({@code footnote_scale_<N>}, dropped and
 * recreated each run), loaded without the model ({@link ScaleLoader}), then served by the packaged application and
 * measured: latency of {@code GET /api/passages} at 1 client and throughput at 16 over questions never asked
 * before, recall@10 of the HNSW scan, hit@5 of the public questions, build time, size on disk and the server's
 * resident memory; and the time of a reindex with nothing to do ({@link ScaleNoopReindex}). Details go to stderr;
 * stdout gets the one {@link ScaleSummary} line.
 *
 * <p>The server and source database come from {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} and
 * {@code _PASSWORD}, as the application reads them ({@code scripts/db up} prints them); the source is that URL's
 * database unless {@code --source} names another on the same server. A source without vectors is indexed first
 * by the application's {@code reindex}.
 *
 * <p>Usage: {@code ScaleBench N [--source DB] [--requests R] [--warm-up S] [--recall Q] [--jar quarkus-run.jar]
 * [--questions FILE.jsonl] [--reuse [--url URL]] [--skip-reindex]} (R: requests at 1 client, twice as many at
 * 16, default 200; S: seconds of questions at 4 clients before, default 30; Q: questions of the recall measurement,
 * default 50; {@code --skip-reindex}: leave out the no-op reindex;
 * {@code --reuse}: measure the scratch database a previous run built, with the build figures it recorded, instead
 * of building it again; {@code --url}: measure a deployment already serving it, such as replicas behind a load
 * balancer, instead of starting {@code serve}: its memory is then not measured, and reported as 0). Run it with {@code scripts/bench-scale}.
 */
public final class ScaleBench {

    /** The corpus folder written out for the no-op reindex: the files the planted essays come from. */
    private static final Path SHIPPED_ESSAYS = Path.of("src/main/resources/essays");

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].matches("\\d+")) {
            System.err.println("usage: ScaleBench N [--source DB] [--requests R] [--warm-up S] [--recall Q]"
                    + " [--jar JAR] [--questions FILE] [--reuse [--url URL]] [--skip-reindex]");
            System.exit(2);
        }
        Options options = Options.parse(args);
        System.out.println(run(options).line());
    }

    /** The benchmark's settings, from the command line. */
    record Options(int passages, String source, int requests, int warmUpSeconds, int recallQuestions, Path jar,
            Path questions, boolean reuse, String url, boolean skipReindex) {

        static Options parse(String[] args) {
            String source = null;
            int requests = 200;
            int warmUp = 30;
            int recall = 50;
            Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
            Path questions = Path.of("src/test/resources/eval/public-questions.jsonl");
            boolean reuse = false;
            boolean skipReindex = false;
            String url = null;
            for (int i = 1; i < args.length; i += 2) {
                if (args[i].equals("--reuse") || args[i].equals("--skip-reindex")) {
                    reuse |= args[i].equals("--reuse");
                    skipReindex |= args[i].equals("--skip-reindex");
                    i--;
                    continue;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--source" -> source = args[i + 1];
                    case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                    case "--warm-up" -> warmUp = Integer.parseInt(args[i + 1]);
                    case "--recall" -> recall = Integer.parseInt(args[i + 1]);
                    case "--jar" -> jar = Path.of(args[i + 1]);
                    case "--questions" -> questions = Path.of(args[i + 1]);
                    case "--url" -> url = args[i + 1].replaceFirst("/+$", "");
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (url != null && !reuse) {
                throw new IllegalArgumentException("--url measures a deployment serving an index built before:"
                        + " it needs --reuse");
            }
            return new Options(Integer.parseInt(args[0]), source, requests, warmUp, recall, jar, questions, reuse,
                    url, skipReindex);
        }
    }

    static ScaleSummary run(Options options) throws Exception {
        DatabaseServer server = new DatabaseServer(require("QUARKUS_DATASOURCE_JDBC_URL"),
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

        ScaleBuild build = options.reuse() ? ScaleBuild.recordedIn(server, scratch).orElse(null) : null;
        if (build == null) {
            build = ScaleBuild.build(server, scratch, source, options.passages());
        } else {
            log("reusing %s, built in %.1f s (HNSW index %.1f s)", scratch, build.seconds(), build.hnswSeconds());
        }
        long diskMb;
        try (Connection connection = server.connect(scratch); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_database_size(current_database()),"
                        + " (SELECT count(*) FROM passage_embedding), pg_relation_size('passage_embedding_hnsw')")) {
            row.next();
            diskMb = row.getLong(1) / (1024 * 1024);
            log("%s: %d windows, HNSW index %d MB, database %d MB", scratch, row.getLong(2),
                    row.getLong(3) / (1024 * 1024), diskMb);
        }

        if (!options.skipReindex()) {
            ScaleNoopReindex.measure(server, sourceName, scratch, SHIPPED_ESSAYS, options.jar(), log);
        }

        ScaleQuestions questions = new ScaleQuestions(source, 7_000_000L + options.passages());
        double recall10;
        try (Connection connection = server.connect(scratch)) {
            ScaleRecall recall = new ScaleRecall(connection);
            List<ScaleRecall.Scan> scans = new ArrayList<>(List.of(recall.scanOfSearches()));
            IntStream.of(ScaleRecall.SWEEP).forEach(ef -> scans.add(new ScaleRecall.Scan(ef, ef)));
            double[] recalls = recall.measure(questions.next(options.recallQuestions()), scans);
            recall10 = recalls[0];
            log("recall@10 of the HNSW scan over %d questions: %.3f as searches scan (ef_search %d, %d windows);"
                    + " reading ef_search windows at ef_search %s", options.recallQuestions(), recall10,
                    scans.get(0).efSearch(), scans.get(0).windows(), IntStream.range(1, scans.size())
                            .mapToObj(i -> String.format(Locale.ROOT, "%d: %.3f", scans.get(i).efSearch(),
                                    recalls[i])).collect(Collectors.joining(", ")));
            for (String question : questions.next(3)) {
                log("search statement for \"%s\": %s", question, recall.plan(question));
            }
        }
        prewarm(server, scratch);
        if (options.url() != null) {
            log("measuring the deployment at %s, which must serve %s", options.url(), scratch);
            Measured measured = measure(options.url(), false, questions, options, log);
            return measured.summary(options.passages(), recall10, build.seconds(), diskMb, 0);
        }
        try (PackagedApp serving = PackagedApp.serve(options.jar(), server.environment(scratch), log)) {
            Measured measured = measure(serving.base(), true, questions, options, log);
            return measured.summary(options.passages(), recall10, build.seconds(), diskMb, serving.rssMb());
        }
    }

    /** The figures taken over HTTP. */
    private record Measured(ScaleLatency.Round one, ScaleLatency.Round sixteen, double hit5) {

        ScaleSummary summary(int passages, double recall10, double buildSeconds, long diskMb, long rssMb) {
            return new ScaleSummary(passages, new ScaleSummary.Latency(one.percentile(50), one.percentile(95),
                    one.percentile(99), sixteen.perSecond()), recall10, hit5, buildSeconds, diskMb, rssMb);
        }
    }

    /**
     * Latency at 1 client, hit@5, then throughput at 16 clients, against {@code base}; with the stage timers of
     * the server when it is the one server behind {@code base} (behind a load balancer, they would be one replica's).
     */
    private static Measured measure(String base, boolean oneServer, ScaleQuestions questions, Options options,
            Path log) throws Exception {
        ScaleLatency client = new ScaleLatency(base);
        ScaleStages stages = oneServer ? new ScaleStages(base) : null;
        warmUp(client, questions, options.warmUpSeconds());
        Map<String, double[]> before = oneServer ? stages.read() : Map.of();
        ScaleLatency.Round one = client.round(questions.next(options.requests()), 1);
        Map<String, double[]> between = oneServer ? stages.read() : Map.of();
        if (one.millis().isEmpty()) {
            throw new IllegalStateException("no search was answered at 1 client; see " + log);
        }
        log("1 client:   %d answered, %d failed, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f requests/s;"
                + " per search: %s", one.millis().size(), one.failed(), one.percentile(50), one.percentile(95),
                one.percentile(99), one.perSecond(), oneServer ? ScaleStages.since(before, between) : "-");
        // before the 16 clients: searches they leave behind in the database could still be running after them
        double hit5 = ScaleHits.measure(client, options.questions());
        log("hit@5 of %s: %.2f", options.questions(), hit5);
        Map<String, double[]> afterHits = oneServer ? stages.read() : Map.of();
        ScaleLatency.Round sixteen = client.round(questions.next(2 * options.requests()), 16);
        log("16 clients: %d answered, %d failed, p50 %.1f ms, p95 %.1f ms, %.1f requests/s; per search: %s",
                sixteen.millis().size(), sixteen.failed(), sixteen.percentile(50), sixteen.percentile(95),
                sixteen.perSecond(), oneServer ? ScaleStages.since(afterHits, stages.read()) : "-");
        return new Measured(one, sixteen, hit5);
    }

    /**
     * Reads the tables a search touches and their indexes into shared buffers (pg_prewarm, as far as they fit), so
     * that the figures are those of a database that has been answering for a while rather than reading its disk:
     * after a build or a restart the first searches at a million passages take several times as long.
     */
    private static void prewarm(DatabaseServer server, String scratch) {
        String tables = "ARRAY['passage', 'passage_embedding', 'essay_version', 'essay', 'term_stats']::regclass[]";
        try (Connection connection = server.connect(scratch); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
            long started = System.nanoTime();
            try (ResultSet blocks = statement.executeQuery("SELECT sum(pg_prewarm(r)) FROM (SELECT unnest(" + tables
                    + ") AS r UNION SELECT indexrelid FROM pg_index WHERE indrelid = ANY (" + tables + "))"
                    + " relations")) {
                blocks.next();
                log("read %d MB of tables and indexes into shared buffers in %.1f s", blocks.getLong(1) * 8 / 1024,
                        (System.nanoTime() - started) / 1e9);
            }
        } catch (SQLException e) {
            log("pg_prewarm is not available (%s): the first searches read from disk", e.getMessage());
        }
    }

    /**
     * Questions at 4 clients for some seconds: the server compiles its request path and PostgreSQL reads the index
     * into memory over the first thousands of searches, which would otherwise weigh on the 1-client figures.
     */
    private static void warmUp(ScaleLatency client, ScaleQuestions questions, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int sent = 0;
        do {
            sent += client.round(questions.next(40), 4).millis().size();
        } while (System.nanoTime() < until);
        log("warmed up with %d questions at 4 clients over %d s", sent, seconds);
    }

    /** The source's served index, indexing it first with the application if it holds no vectors. */
    private static SourceIndex readSource(DatabaseServer server, String name, Path jar, Path log) throws Exception {
        try (Connection connection = server.connect(name)) {
            if (!SourceIndex.hasVectors(connection)) {
                log("source %s holds no vectors: indexing it with reindex (see the log)", name);
                PackagedApp.run(jar, server.environment(name), log, "reindex");
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
