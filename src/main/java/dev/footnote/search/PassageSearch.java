package dev.footnote.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.pgvector.PGvector;

import dev.footnote.embedding.CachedEmbedder;
import dev.footnote.index.EssayRecord;
import dev.footnote.index.Index;
import dev.footnote.index.IndexException;
import dev.footnote.system.FootnoteConfig;

/**
 * Finds the passages that best answer a question, in four steps:
 * <ol>
 *   <li>two legs collect candidates, each {@code candidates} deep: the closest passages by embedding and the
 *   best keyword matches with English stemming ({@link SearchSql});</li>
 *   <li>every candidate gets both features, whichever leg found it, and one {@link Relevance} score;</li>
 *   <li>diversity: one essay fills at most half of the result (at least two passages) unless the query
 *   names the essay; copies of an essay were already merged when the corpus was read;</li>
 *   <li>the best {@code k} remain.</li>
 * </ol>
 */
@Singleton
public class PassageSearch {

    /** The deepest either leg looks when filling a result under the per-essay share. */
    static final int MAX_DEPTH = 2000;
    /** About how many windows a passage is embedded as; the embedding leg reads this many per passage. */
    static final int WINDOWS_PER_PASSAGE = 4;

    private final Index index;
    private final CachedEmbedder embeddings;
    private final Relevance relevance;
    private final FootnoteConfig.Search settings;

    public PassageSearch(Index index, FootnoteConfig config) {
        this.index = index;
        this.settings = config.search();
        this.embeddings = new CachedEmbedder(index.encoder(), settings.queryCacheSize());
        var cosines = index.encoder().model().cosines();
        this.relevance = new Relevance(settings.semanticWeight(), cosines.unrelated(), cosines.close());
    }

    public List<PassageHit> search(PassageQuery query) {
        index.requireCompatible();
        float[] question = embeddings.embedQuery(query.text());
        int depth = Math.max(settings.candidates(), query.k());
        try (Connection connection = index.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                while (true) {
                    List<PassageHit> candidates = candidates(connection, question, query, depth);
                    List<PassageHit> selected = select(candidates, query);
                    // The per-essay share can leave fewer than k: look deeper while the legs had more to give.
                    if (selected.size() == query.k() || candidates.size() < depth || depth >= MAX_DEPTH) {
                        return selected;
                    }
                    depth = Math.min(MAX_DEPTH, depth * 4);
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IndexException("passage search failed: " + e.getMessage(), e);
        }
    }

    /** Whether a passage clears the relevance threshold {@code footnote.search.min-score}. */
    public boolean isRelevant(PassageHit hit) {
        return hit.score() >= settings.minScore();
    }

    private List<PassageHit> select(List<PassageHit> scored, PassageQuery query) {
        scored.sort(Comparator.comparingDouble(PassageHit::score).reversed()
                .thenComparing(PassageHit::source).thenComparingInt(PassageHit::start));
        int perEssay = query.essayId().isPresent() ? Integer.MAX_VALUE : maxPerEssay(query.k());
        Map<String, Integer> taken = new HashMap<>();
        List<PassageHit> selected = new ArrayList<>();
        for (PassageHit hit : scored) {
            if (selected.size() == query.k()) {
                break;
            }
            if (taken.getOrDefault(hit.essay().id(), 0) >= perEssay) {
                continue;
            }
            taken.merge(hit.essay().id(), 1, Integer::sum);
            selected.add(hit);
        }
        return selected;
    }

    /** How many of {@code k} passages one essay may fill: half by default, never fewer than two. */
    int maxPerEssay(int k) {
        return Math.max(2, (int) Math.ceil(k * settings.maxEssayShare()));
    }

    private List<PassageHit> candidates(Connection connection, float[] question, PassageQuery query, int depth)
            throws SQLException {
        try (Statement settings = connection.createStatement()) {
            // HNSW returns at most ef_search rows; the iterative scan goes on until the filters are satisfied.
            settings.execute("SET LOCAL hnsw.ef_search = " + Math.max(this.settings.efSearch(), windowDepth(depth))
                    + "; SET LOCAL hnsw.iterative_scan = relaxed_order");
        }
        List<PassageHit> hits = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SearchSql.SEARCH)) {
            statement.setString(1, query.text());
            statement.setString(2, new PGvector(question).getValue());
            int next = bindFilters(statement, 3, query);
            statement.setInt(next++, windowDepth(depth));
            next = bindFilters(statement, next, query);
            statement.setInt(next, depth);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    hits.add(hit(row));
                }
            }
        }
        return hits;
    }

    private PassageHit hit(ResultSet row) throws SQLException {
        double similarity = row.getDouble(2);
        double keywords = row.getDouble(3);
        EssayRecord essay = new EssayRecord(row.getString(8), row.getString(9), row.getBoolean(10), row.getString(11),
                row.getString(12), List.of((String[]) row.getArray(13).getArray()), row.getString(14), row.getInt(15),
                null, row.getInt(16));
        return new PassageHit(row.getObject(1, UUID.class), relevance.score(similarity, keywords), similarity,
                keywords, row.getString(4), row.getString(5), row.getInt(6), row.getInt(7), essay);
    }

    /** Windows the embedding leg reads to find {@code depth} passages: a passage has a few windows. */
    private static int windowDepth(int depth) {
        return depth * WINDOWS_PER_PASSAGE;
    }

    private static int bindFilters(PreparedStatement statement, int index, PassageQuery query) throws SQLException {
        String author = query.author().orElse(null);
        String essay = query.essayId().orElse(null);
        statement.setString(index, author);
        statement.setString(index + 1, author);
        statement.setString(index + 2, essay);
        statement.setString(index + 3, essay);
        return index + 4;
    }
}
