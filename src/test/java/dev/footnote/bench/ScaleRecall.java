package dev.footnote.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footnote.search.SearchPlans;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * Recall@10 of the embedding leg's HNSW scan: for each question (embedded here by all-MiniLM-L6-v2, the model the
 * index was built with), the 10 windows the index returns with the search's own settings
 * ({@code hnsw.ef_search} = {@value #EF_SEARCH}, as {@code HybridRetriever} sets it for the default 50 candidates
 * of 4 windows; relaxed iterative scan) against the exact 10 nearest from a sequential scan of every window.
 */
final class ScaleRecall {

    static final int EF_SEARCH = 200;

    private static final String NEAREST = "SELECT embedding_id FROM passage_embedding"
            + " ORDER BY embedding <=> ?::vector LIMIT 10";

    private final Connection connection;
    private final EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    ScaleRecall(Connection connection) {
        this.connection = connection;
    }

    /**
     * Which indexes the search statement itself reads for a question, and how long it ran: at some sizes the planner
     * prefers an exact scan of every window to the HNSW index, which recall@10 alone would not tell.
     */
    String plan(String question) throws SQLException {
        String plan = SearchPlans.explain(connection, question, model.embed(question).content().vector());
        Matcher time = Pattern.compile("Execution Time: ([0-9.]+ ms)").matcher(plan);
        return String.format(Locale.ROOT, "HNSW index %s, GIN index %s, %s",
                plan.contains("passage_embedding_hnsw") ? "used" : "NOT used",
                plan.contains("passage_search_vector") ? "used" : "NOT used", time.find() ? time.group(1) : "?");
    }

    /** The mean share of the exact 10 nearest windows that the index scan finds. */
    double measure(List<String> questions) throws SQLException {
        double found = 0;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (String question : questions) {
                String vector = Arrays.toString(model.embed(question).content().vector()).replace(" ", "");
                Set<String> approximate = nearest(vector, "SET LOCAL hnsw.ef_search = " + EF_SEARCH
                        + "; SET LOCAL hnsw.iterative_scan = relaxed_order");
                Set<String> exact = nearest(vector, "SET LOCAL enable_indexscan = off");
                approximate.retainAll(exact);
                found += approximate.size() / (double) Math.max(1, exact.size());
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return found / questions.size();
    }

    /** Runs in a transaction of its own, so that the settings apply to it alone. */
    private Set<String> nearest(String vector, String settings) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute(settings);
            try (PreparedStatement query = connection.prepareStatement(NEAREST)) {
                query.setString(1, vector);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString(1));
                    }
                }
            }
        } finally {
            connection.commit();
        }
        return ids;
    }
}
