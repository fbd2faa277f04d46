package dev.footnote.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.pgvector.PGvector;

/**
 * The plan PostgreSQL chooses for the search statement ({@link SearchSql}) with the settings and depths the search
 * uses by default ({@link HybridRetriever}, 50 candidates per leg, {@link HnswBreadth} for the index's size): for benchmarks, to tell whether a search at a
 * given size reads the HNSW and GIN indexes or scans.
 */
public final class SearchPlans {

    private static final int DEPTH = 50;
    private static final int EF_SEARCH = 100;
    private static final int KEYWORD_PASSAGES = 5000;

    /** Windows the embedding leg of a search with the default settings reads. */
    public static final int WINDOWS = DEPTH * HybridRetriever.WINDOWS_PER_PASSAGE;

    /** The order of the embedding leg's scan ({@link SearchSql#NEAREST_ORDER}), for a vector written in {@code %s}. */
    public static final String NEAREST_ORDER = SearchSql.NEAREST_ORDER;

    private SearchPlans() {
    }

    /** The {@code hnsw.ef_search} a search with the default settings uses on this connection's index. */
    public static int efSearch(Connection connection) throws SQLException {
        return new HnswBreadth(EF_SEARCH).efSearch(WINDOWS, indexedWindows(connection));
    }

    private static long indexedWindows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet size = statement.executeQuery(HnswBreadth.INDEXED_WINDOWS)) {
            return size.next() ? size.getLong(1) : 0;
        }
    }

    /** {@code EXPLAIN (ANALYZE)} of one search, in a transaction of its own that is rolled back. */
    public static String explain(Connection connection, String question, float[] vector) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL hnsw.ef_search = " + efSearch(connection)
                    + "; SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL jit = off");
            try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE) "
                    + SearchSql.statement(false, WINDOWS, DEPTH, KEYWORD_PASSAGES, indexedWindows(connection)))) {
                statement.setString(1, question);
                statement.setString(2, new PGvector(vector).getValue());
                statement.setArray(3, null);
                statement.setString(4, null);
                StringBuilder plan = new StringBuilder();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        plan.append(row.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
