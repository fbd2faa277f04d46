package dev.footnote.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Keeps two reindexes of one index from interleaving: a PostgreSQL advisory lock, held on a connection of its
 * own for the whole run. If the process dies, the connection closes and the lock goes with it.
 */
final class ReindexLock implements AutoCloseable {

    /** Per schema, so that two indexes in one database do not block each other. */
    private static final String KEY = "hashtext(current_schema() || ':footnote-reindex')";

    private final Connection connection;

    private ReindexLock(Connection connection) {
        this.connection = connection;
    }

    static ReindexLock acquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(" + KEY + ")");
                    ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    throw new ReindexConflictException("another reindex of this index is running; try again when it is done");
                }
            }
            return new ReindexLock(connection);
        } catch (SQLException e) {
            close(connection);
            throw new IndexException("cannot take the reindex lock: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    /** Whether a reindex of this index holds the lock, in this process or another. */
    static boolean isHeld(DataSource dataSource) {
        // an advisory lock on a bigint key shows in pg_locks as its high and low halves
        return Sql.query(dataSource, "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND ((classid::bigint << 32) | objid::bigint) = (" + KEY + ")::bigint)", row -> row.getBoolean(1))
                .get(0);
    }

    @Override
    public void close() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
            statement.execute();
        } catch (SQLException e) {
            // Closing the connection below releases the lock anyway.
        } finally {
            close(connection);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
    }
}
