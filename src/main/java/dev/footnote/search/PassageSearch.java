package dev.footnote.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import com.pgvector.PGvector;

import dev.footnote.index.Index;
import dev.footnote.index.IndexException;
import dev.footnote.system.FootnoteConfig;

/**
 * Finds the passages closest in meaning to a question: the question is embedded with the index's model and
 * matched against the passage vectors of served essays through pgvector's HNSW index.
 *
 * <p>Filters are applied during the scan, not after it: pgvector's iterative index scan keeps reading the
 * HNSW graph until {@code k} passages pass the filter, so a filtered search still returns {@code k} results
 * when that many exist.
 */
@Singleton
public class PassageSearch {

    private static final String SQL = """
            SELECT 1 - (pe.embedding <=> ?::vector) AS score, p.text, p.source, p.start_offset, p.end_offset,
                   e.essay_id, v.title, v.title_derived, v.author, v.date_text, v.sources, v.source, v.body_start,
                   v.passage_count
              FROM passage_embedding pe
              JOIN essay e ON e.version_id = pe.version_id
              JOIN essay_version v ON v.version_id = e.version_id
              JOIN passage p ON p.passage_id = pe.passage_id
             WHERE (?::text IS NULL OR lower(v.author) = lower(?::text))
               AND (?::text IS NULL OR e.essay_id = ?::text)
             ORDER BY pe.embedding <=> ?::vector
             LIMIT ?
            """;

    private final Index index;
    private final int efSearch;
    private final double minScore;

    public PassageSearch(Index index, FootnoteConfig config) {
        this.index = index;
        this.efSearch = config.search().efSearch();
        this.minScore = config.search().minScore();
    }

    public List<PassageHit> search(PassageQuery query) {
        index.requireCompatible();
        float[] vector = index.encoder().embed(List.of(query.text())).get(0);
        String author = query.author().orElse(null);
        String essayId = query.essayId().orElse(null);
        try (Connection connection = index.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL hnsw.ef_search = " + Math.max(efSearch, query.k()));
                settings.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
            }
            List<PassageHit> hits = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                String literal = new PGvector(vector).getValue();
                statement.setString(1, literal);
                statement.setString(2, author);
                statement.setString(3, author);
                statement.setString(4, essayId);
                statement.setString(5, essayId);
                statement.setString(6, literal);
                statement.setInt(7, query.k());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        hits.add(hit(rows));
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
            hits.sort((a, b) -> Double.compare(b.score(), a.score()));
            return hits;
        } catch (SQLException e) {
            throw new IndexException("passage search failed: " + e.getMessage(), e);
        }
    }

    /** Whether any of {@code hits} clears the relevance threshold, i.e. the essays say something about it. */
    public boolean anyRelevant(List<PassageHit> hits) {
        return hits.stream().anyMatch(hit -> hit.score() >= minScore);
    }

    private static PassageHit hit(ResultSet row) throws SQLException {
        var essay = new dev.footnote.index.EssayRecord(row.getString(6), row.getString(7), row.getBoolean(8),
                row.getString(9), row.getString(10), List.of((String[]) row.getArray(11).getArray()),
                row.getString(12), row.getInt(13), null, row.getInt(14));
        return new PassageHit(row.getDouble(1), row.getString(2), row.getString(3), row.getInt(4), row.getInt(5),
                essay);
    }
}
