package dev.footnote.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Small JDBC helpers: a query mapped row by row, and a unit of work in one transaction. */
public final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public static <T> List<T> query(DataSource dataSource, String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IndexException("database error: " + e.getMessage(), e);
        }
    }

    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        return inTransaction(dataSource, null, work);
    }

    /**
     * A unit of work whose statements may each wait up to {@code readTimeout} for the database, instead of the
     * request bound the pool's connections have ({@code socketTimeout}): for reindexing, whose deletes and
     * inserts grow with the corpus. The connection gets its own bound back before it returns to the pool.
     */
    public static <T> T inTransaction(DataSource dataSource, Duration readTimeout, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            int requestBound = connection.getNetworkTimeout();
            if (readTimeout != null) {
                connection.setNetworkTimeout(Runnable::run, Math.toIntExact(readTimeout.toMillis()));
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                if (readTimeout != null && !connection.isClosed()) {
                    connection.setNetworkTimeout(Runnable::run, requestBound);
                }
            }
        } catch (SQLException e) {
            throw new IndexException("database error: " + e.getMessage(), e);
        }
    }
}
