package dev.footnote.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import dev.footnote.DatabaseServer;

/**
 * How long a scratch database took to build, recorded in it ({@code scale_build}) as the build's last step, so
 * that a later run can measure the same index again ({@code --reuse}) without rebuilding it: at a million
 * passages that takes about a quarter of an hour. A build that did not finish records nothing and is never reused.
 */
record ScaleBuild(double seconds, double hnswSeconds) {

    /** Recreates the scratch database, loads it ({@link ScaleLoader}) and records the figures. */
    static ScaleBuild build(DatabaseServer server, String scratch, SourceIndex source, int passages)
            throws SQLException {
        long started = System.nanoTime();
        server.recreate(scratch);
        try (Connection connection = server.connect(scratch)) {
            double hnswSeconds = new ScaleLoader(connection).load(source, passages, passages);
            ScaleBuild build = new ScaleBuild((System.nanoTime() - started) / 1e9, hnswSeconds);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE scale_build (seconds double precision, hnsw_seconds double precision)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scale_build VALUES (?, ?)")) {
                insert.setDouble(1, build.seconds());
                insert.setDouble(2, build.hnswSeconds());
                insert.executeUpdate();
            }
            ScaleBench.log("built %s in %.1f s (HNSW index %.1f s)", scratch, build.seconds(), hnswSeconds);
            return build;
        }
    }

    /** The figures a finished build recorded in the scratch database, if it exists and has them. */
    static Optional<ScaleBuild> recordedIn(DatabaseServer server, String scratch) throws SQLException {
        try (Connection admin = server.connect("postgres");
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, scratch);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
            }
        }
        try (Connection connection = server.connect(scratch); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT to_regclass('scale_build') IS NOT NULL")) {
            row.next();
            if (!row.getBoolean(1)) {
                return Optional.empty();
            }
            try (ResultSet recorded = statement.executeQuery("SELECT seconds, hnsw_seconds FROM scale_build")) {
                return recorded.next() ? Optional.of(new ScaleBuild(recorded.getDouble(1), recorded.getDouble(2)))
                        : Optional.empty();
            }
        }
    }
}
