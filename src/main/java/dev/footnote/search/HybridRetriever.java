package dev.footnote.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.pgvector.PGvector;

import dev.footnote.index.EssayRecord;

/**
 * The retrieval stage: the embedding leg and the keyword leg collect candidates in one round trip
 * ({@link SearchSql}), and every candidate gets both features, whichever leg found it. Either leg can be
 * switched off ({@code footnote.search.retrievers}); its feature is still measured for the other's candidates.
 * An author filter names the authors as the index spells them; an empty list means any author.
 */
final class HybridRetriever {

    /** About how many windows a passage is embedded as; the embedding leg reads this many per passage. */
    static final int WINDOWS_PER_PASSAGE = 4;

    private final boolean byMeaning;
    private final boolean byWords;
    private final int efSearch;
    private final Relevance relevance;

    HybridRetriever(boolean byMeaning, boolean byWords, int efSearch, Relevance relevance) {
        if (!byMeaning && !byWords) {
            throw new IllegalArgumentException("footnote.search.retrievers must name embedding, keywords or both");
        }
        this.byMeaning = byMeaning;
        this.byWords = byWords;
        this.efSearch = efSearch;
        this.relevance = relevance;
    }

    /** Up to {@code depth} candidates from each enabled leg, in no particular order. */
    List<PassageHit> retrieve(Connection connection, PassageQuery query, List<String> authors, float[] question,
            int depth) throws SQLException {
        int windows = byMeaning ? depth * WINDOWS_PER_PASSAGE : 0;
        try (Statement settings = connection.createStatement()) {
            // HNSW returns at most ef_search rows; the iterative scan goes on until the filters are satisfied.
            settings.execute("SET LOCAL hnsw.ef_search = " + Math.max(efSearch, windows)
                    + "; SET LOCAL hnsw.iterative_scan = relaxed_order");
        }
        List<PassageHit> hits = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SearchSql.SEARCH)) {
            statement.setString(1, query.text());
            statement.setString(2, new PGvector(question).getValue());
            Array authorNames = authors.isEmpty() ? null : connection.createArrayOf("text", authors.toArray());
            int next = bindFilters(statement, 3, authorNames, query);
            statement.setInt(next++, windows);
            next = bindFilters(statement, next, authorNames, query);
            statement.setInt(next, byWords ? depth : 0);
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

    private static int bindFilters(PreparedStatement statement, int index, Array authors, PassageQuery query)
            throws SQLException {
        String essay = query.essayId().orElse(null);
        statement.setArray(index, authors);
        statement.setArray(index + 1, authors);
        statement.setString(index + 2, essay);
        statement.setString(index + 3, essay);
        return index + 4;
    }
}
