package dev.footnote.search;

/**
 * The one statement behind a passage search, so that it is planned once and runs in one round trip.
 *
 * <ul>
 *   <li>{@code weighted}: the question's stemmed words ({@code search_document}, English) with their
 *   inverse document frequency among served passages, as in BM25;</li>
 *   <li>{@code by_meaning}: the passages of the windows closest to the question vector, through the HNSW
 *   index (with pgvector's iterative scan, filters apply while scanning);</li>
 *   <li>{@code by_words}: the passages holding the largest share of the question's word weight, through the
 *   GIN index on the stored {@code search_vector};</li>
 *   <li>then both features for every candidate, whichever leg found it, with its essay: the similarity of its
 *   closest window, and its share of the question's word weight.</li>
 * </ul>
 * Parameters: question text; question vector; filters; window depth; filters; depth.
 */
final class SearchSql {

    static final String FILTERS = "(?::text[] IS NULL OR v.author = ANY(?::text[])) "
            + "AND (?::text IS NULL OR e.essay_id = ?::text)";

    static final String SEARCH = """
            WITH terms AS (
                SELECT DISTINCT quote_literal(lexeme)::tsquery AS term
                  FROM unnest(search_document(?))
            ), served AS (
                SELECT sum(v.passage_count) AS n FROM essay e JOIN essay_version v ON v.version_id = e.version_id
            ), weighted AS (
                SELECT t.term, ln(1 + (served.n - df.n + 0.5) / (df.n + 0.5)) AS idf
                  FROM terms t
                  CROSS JOIN served
                  CROSS JOIN LATERAL (SELECT count(*) AS n
                                        FROM passage p JOIN essay e ON e.version_id = p.version_id
                                       WHERE p.search_vector @@ t.term) df
            ), question AS (
                SELECT ?::vector AS embedding
            ), closest_windows AS (
                SELECT pe.passage_id
                  FROM passage_embedding pe
                  JOIN essay e ON e.version_id = pe.version_id
                  JOIN essay_version v ON v.version_id = e.version_id
                 WHERE %1$s
                 ORDER BY pe.embedding <=> (SELECT embedding FROM question)
                 LIMIT ?
            ), by_meaning AS (
                SELECT DISTINCT passage_id FROM closest_windows
            ), by_words AS (
                SELECT p.passage_id
                  FROM passage p
                  JOIN essay e ON e.version_id = p.version_id
                  JOIN essay_version v ON v.version_id = e.version_id
                  JOIN weighted w ON p.search_vector @@ w.term
                 WHERE %1$s
                 GROUP BY p.passage_id
                 ORDER BY sum(w.idf) DESC
                 LIMIT ?
            ), candidates AS (
                SELECT passage_id FROM by_meaning UNION SELECT passage_id FROM by_words
            )
            SELECT p.passage_id,
                   (SELECT max(1 - (w.embedding <=> (SELECT embedding FROM question)))
                      FROM passage_embedding w WHERE w.passage_id = p.passage_id) AS similarity,
                   coalesce((SELECT sum(w.idf) FROM weighted w WHERE p.search_vector @@ w.term), 0)
                       / nullif((SELECT sum(idf) FROM weighted), 0) AS keywords,
                   p.text, p.source, p.start_offset, p.end_offset,
                   e.essay_id, v.title, v.title_derived, v.author, v.date_text, v.sources, v.source,
                   v.body_start, v.passage_count
              FROM candidates c
              JOIN passage p ON p.passage_id = c.passage_id
              JOIN essay e ON e.version_id = p.version_id
              JOIN essay_version v ON v.version_id = e.version_id
            """.formatted(FILTERS);

    private SearchSql() {
    }
}
