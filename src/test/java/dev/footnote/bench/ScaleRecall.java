package dev.footnote.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footnote.search.HnswBreadth;
import dev.footnote.search.SearchPlans;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * Recall@10 of the embedding leg's HNSW scan: for each question (embedded here by all-MiniLM-L6-v2, the model the
 * index was built with), the nearest 10 of the windows a scan returns against the exact 10 nearest from a
 * sequential scan of every window. The scan runs as searches run it (relaxed iterative scan, whose rows come
 * roughly but not exactly in order, so they are ordered again), reading as many windows as a search with the
 * default settings does at the {@code hnsw.ef_search} it uses on this index ({@link HnswBreadth}); and, to show
 * how recall grows with the breadth, reading {@code ef_search} windows at each breadth of {@link #SWEEP}.
 */
final class ScaleRecall {

    /** The {@code hnsw.ef_search} values recall is also measured at, to show how it grows with them. */
    static final int[] SWEEP = {40, 100, 200, 400, 800};

    /**
     * The full-precision distances of the windows a scan in the search's order finds
     * ({@link SearchPlans#NEAREST_ORDER}: through the HNSW index), nearest first.
     */
    private static final String NEAREST = "WITH scanned AS MATERIALIZED (SELECT embedding <=> ?::vector"
            + " AS distance FROM passage_embedding ORDER BY " + SearchPlans.NEAREST_ORDER.formatted("?::vector")
            + " LIMIT ?) SELECT distance FROM scanned ORDER BY distance LIMIT 10";

    /** The exact nearest windows by full-precision distance, what recall is measured against. */
    private static final String EXACT = "SELECT embedding <=> ?::vector AS distance FROM passage_embedding"
            + " ORDER BY embedding <=> ?::vector LIMIT ?";

    /** Distances this close count as equal: windows of the same text have the same vector. */
    private static final double TIE = 1e-6;

    /** A scan of the HNSW index: its breadth, and how many windows it reads. */
    record Scan(int efSearch, int windows) {
    }

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

    /** The scan of a search with the default settings on this index. */
    Scan scanOfSearches() throws SQLException {
        return new Scan(SearchPlans.efSearch(connection), SearchPlans.WINDOWS);
    }

    /**
     * The mean share of the exact 10 nearest windows that each scan finds, in the order of the scans; the exact
     * neighbours are found once per question. A window counts as found when it is no farther than the exact 10th
     * nearest: with ties at the 10th place (windows of the same text), which of them is "the" 10th is arbitrary.
     */
    double[] measure(List<String> questions, List<Scan> scans) throws SQLException {
        double[] found = new double[scans.size()];
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (String question : questions) {
                String vector = Arrays.toString(model.embed(question).content().vector()).replace(" ", "");
                List<Double> exact = nearest(EXACT, vector, "SET LOCAL enable_indexscan = off", 10);
                double tenth = exact.get(exact.size() - 1) + TIE;
                for (int i = 0; i < scans.size(); i++) {
                    List<Double> approximate = nearest(NEAREST, vector, "SET LOCAL hnsw.ef_search = "
                            + scans.get(i).efSearch() + "; SET LOCAL hnsw.iterative_scan = relaxed_order",
                            scans.get(i).windows());
                    long close = approximate.stream().filter(distance -> distance <= tenth).count();
                    found[i] += Math.min(close, exact.size()) / (double) exact.size();
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        for (int i = 0; i < found.length; i++) {
            found[i] /= questions.size();
        }
        return found;
    }

    /** The distances of the 10 nearest windows a scan finds, nearest first; in a transaction of its own. */
    private List<Double> nearest(String sql, String vector, String settings, int windows) throws SQLException {
        List<Double> distances = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute(settings);
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, vector);
                query.setString(2, vector);
                query.setInt(3, windows);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        distances.add(row.getDouble(1));
                    }
                }
            }
        } finally {
            connection.commit();
        }
        return distances;
    }
}
