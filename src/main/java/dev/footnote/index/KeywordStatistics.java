package dev.footnote.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Keeps the keyword statistics of the served passages ({@code term_stats}, {@code passage_stats}) in step with
 * what a reindex publishes, inside the publishing transaction: the lexemes of the passages of versions that
 * start being served are counted in, those of versions that stop being served are counted out. A search then
 * reads a word's document frequency in one lookup, however large the index.
 */
final class KeywordStatistics {

    private static final String TERMS = """
            WITH changes AS (
                SELECT lexeme, sum(sign)::int AS delta
                  FROM (SELECT unnest(tsvector_to_array(p.search_vector)) AS lexeme, 1 AS sign
                          FROM passage p WHERE p.version_id = ANY (?::uuid[])
                        UNION ALL
                        SELECT unnest(tsvector_to_array(p.search_vector)), -1
                          FROM passage p WHERE p.version_id = ANY (?::uuid[])) c
                 GROUP BY lexeme
                HAVING sum(sign) <> 0
            )
            INSERT INTO term_stats AS t (lexeme, passages)
            SELECT lexeme, delta FROM changes
            ON CONFLICT (lexeme) DO UPDATE SET passages = t.passages + EXCLUDED.passages
            """;

    private static final String PASSAGES = """
            UPDATE passage_stats
               SET passages = passages + (SELECT count(*) FROM passage WHERE version_id = ANY (?::uuid[]))
                                       - (SELECT count(*) FROM passage WHERE version_id = ANY (?::uuid[]))
            """;

    private KeywordStatistics() {
    }

    /**
     * Counts in the passages of {@code published} versions and counts out those of {@code withdrawn} ones.
     * Runs in the transaction that switches the served versions, under the reindex lock.
     */
    static void update(Connection connection, Collection<UUID> published, Collection<UUID> withdrawn)
            throws SQLException {
        Object[] in = published.toArray();
        Object[] out = withdrawn.toArray();
        try (PreparedStatement terms = connection.prepareStatement(TERMS);
                PreparedStatement passages = connection.prepareStatement(PASSAGES);
                PreparedStatement emptied = connection.prepareStatement(
                        "DELETE FROM term_stats WHERE passages <= 0")) {
            terms.setArray(1, connection.createArrayOf("uuid", in));
            terms.setArray(2, connection.createArrayOf("uuid", out));
            terms.executeUpdate();
            emptied.executeUpdate();
            passages.setArray(1, connection.createArrayOf("uuid", in));
            passages.setArray(2, connection.createArrayOf("uuid", out));
            passages.executeUpdate();
        }
    }
}
