package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.pgvector.PGvector;

import dev.footnote.embedding.Embeddings;
import dev.footnote.index.Index;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The embedding leg's two scans on the shared index: every window in exact order while the index is small, and the
 * half-precision HNSW index once it is large. Both find the same nearest passages.
 */
@QuarkusTest
class NearestWindowsTest {

    private static final String QUESTION = "What does the author mean by dogfooding?";
    private static final int WINDOWS = 40;

    @Inject
    Index index;

    @Inject
    Embeddings embeddings;

    @Test
    void should_scan_every_window_exactly_while_small_and_the_half_precision_index_when_large() throws SQLException {
        String small = SearchSql.statement(false, WINDOWS, 0, 5000, SearchSql.EXACT_SCAN_BELOW - 1);
        String large = SearchSql.statement(false, WINDOWS, 0, 5000, SearchSql.EXACT_SCAN_BELOW);
        assertThat(small).contains("ORDER BY pe.embedding <=> (SELECT embedding FROM question)");
        assertThat(large).contains("ORDER BY pe.embedding::halfvec(384) <=> (SELECT embedding FROM question)");

        assertThat(plan(small)).doesNotContain("passage_embedding_hnsw");
        assertThat(plan(large)).contains("Index Scan using passage_embedding_hnsw");
        List<String> exact = nearestPassages(small);
        assertThat(exact).hasSize(5);
        assertThat(nearestPassages(large)).isEqualTo(exact);
    }

    /** The plan of a statement, with sequential scans priced out as on a table too large to read whole. */
    private String plan(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        run("EXPLAIN " + sql, row -> plan.append(row.getString(1)).append('\n'));
        return plan.toString();
    }

    /** The five candidates most similar to the question, by their full-precision similarity. */
    private List<String> nearestPassages(String sql) throws SQLException {
        Map<Double, String> bySimilarity = new TreeMap<>(Comparator.reverseOrder());
        run(sql, row -> bySimilarity.put(row.getDouble("similarity"), row.getString("passage_id")));
        return new ArrayList<>(bySimilarity.values()).subList(0, Math.min(5, bySimilarity.size()));
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void run(String sql, RowReader reader) throws SQLException {
        try (Connection connection = index.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL enable_seqscan = off; SET LOCAL hnsw.ef_search = 200; SET LOCAL jit = off");
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, QUESTION);
                    statement.setString(2, new PGvector(embeddings.embedQuery(QUESTION)).getValue());
                    statement.setArray(3, null);
                    statement.setString(4, null);
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            reader.read(row);
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
