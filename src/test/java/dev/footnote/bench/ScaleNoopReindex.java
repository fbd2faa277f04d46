package dev.footnote.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.footnote.DatabaseServer;
import dev.footnote.PackagedApp;
import dev.footnote.text.Hashes;

/**
 * A reindex with nothing to do, at the scale of the scratch index: its corpus folder is written out (the shipped
 * files, and each generated essay's body as a file of its own), the folder's digests are recorded as a publish
 * records them ({@code corpus_file}, with the reading rules of the source index), and the application's
 * {@code reindex} runs against it. It must see from the digests alone that nothing changed; should it not, it
 * would set out to embed the whole corpus, so it is stopped after {@link #LIMIT} and the measurement fails.
 */
final class ScaleNoopReindex {

    static final Duration LIMIT = Duration.ofMinutes(3);

    private ScaleNoopReindex() {
    }

    /** Seconds the {@code reindex} command took, start to exit, JVM start included. */
    static double measure(DatabaseServer server, String source, String scratch, Path shipped, Path jar, Path log)
            throws Exception {
        Path folder = Files.createTempDirectory("footnote-scale-corpus-");
        try {
            Map<String, String> digests = writeCorpus(server, scratch, shipped, folder);
            record(server, source, scratch, digests);
            Map<String, String> environment = new HashMap<>(server.environment(scratch));
            environment.put("FOOTNOTE_CORPUS_DIR", folder.toString());
            long started = System.nanoTime();
            PackagedApp.run(jar, environment, log, LIMIT, "reindex");
            double seconds = (System.nanoTime() - started) / 1e9;
            ScaleBench.log("no-op reindex of %d files: %.1f s with the JVM's start; the run itself: %s",
                    digests.size(), seconds, ownTime(log));
            return seconds;
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The time the reindex reported for itself, from the last summary line in the log. */
    private static String ownTime(Path log) throws IOException {
        Matcher took = Pattern.compile("took ([0-9.]+ s)").matcher(Files.readString(log));
        String last = "?";
        while (took.find()) {
            last = took.group(1);
        }
        return last;
    }

    /** The shipped files, then each generated essay's body; their digests by file name. */
    private static Map<String, String> writeCorpus(DatabaseServer server, String scratch, Path shipped, Path folder)
            throws SQLException, IOException {
        Map<String, String> digests = new HashMap<>();
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                Files.write(folder.resolve(file.getFileName()), bytes);
                digests.put(file.getFileName().toString(), Hashes.sha256Hex(bytes));
            }
        }
        try (Connection connection = server.connect(scratch)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet row = statement.executeQuery("SELECT v.source, v.body FROM essay_version v"
                        + " JOIN essay e ON e.version_id = v.version_id WHERE v.source LIKE 'generated/%'")) {
                    while (row.next()) {
                        String name = Path.of(row.getString(1)).getFileName().toString();
                        byte[] bytes = row.getString(2).getBytes(StandardCharsets.UTF_8);
                        Files.write(folder.resolve(name), bytes);
                        digests.put(name, Hashes.sha256Hex(bytes));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return digests;
    }

    /** Records the digests as the last publish would have, under the source index's reading rules. */
    private static void record(DatabaseServer server, String source, String scratch, Map<String, String> digests)
            throws SQLException {
        int rules;
        try (Connection connection = server.connect(source); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT max(reading_rules) FROM corpus_file")) {
            row.next();
            rules = row.getInt(1);
        }
        try (Connection connection = server.connect(scratch)) {
            connection.setAutoCommit(false);
            try (Statement clear = connection.createStatement();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO corpus_file (source, sha256, reading_rules) VALUES (?, ?, ?)")) {
                clear.execute("DELETE FROM corpus_file");
                for (Map.Entry<String, String> file : digests.entrySet()) {
                    insert.setString(1, file.getKey());
                    insert.setString(2, file.getValue());
                    insert.setInt(3, rules);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }
}
