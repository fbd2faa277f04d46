package dev.footnote.search;

/**
 * The one statement behind a passage search, so that it is planned once and runs in one round trip.
 *
 * <ul>
 *   <li>{@code weighted}: the question's stemmed words ({@code search_document}, English) with their
 *   inverse document frequency among served passages, as in BM25, from the statistics reindex keeps
 *   ({@code term_stats}, {@code passage_stats}): one lookup per word, however many passages hold it;</li>
 *   <li>{@code by_meaning}: the passages of the windows closest to the question vector, through the HNSW
 *   index. The scan reads {@code passage_embedding} alone, so that it stays an index scan however large the
 *   table: with an author or essay filter, the allowed versions are a filter of the scan (pgvector's iterative
 *   scan goes on until enough pass it); without one, windows of versions no longer or not yet served (only
 *   there while a reindex runs) are dropped after it;</li>
 *   <li>{@code by_words}: the passages holding the largest share of the question's word weight, through the
 *   GIN index on the stored {@code search_vector}, looked up by the question's words that at most
 *   {@code max_term_passages} passages hold, so that the rows it reads are bounded whatever the corpus;</li>
 *   <li>then both features for every candidate, whichever leg found it, with its essay: the similarity of its
 *   closest window, and its share of the question's word weight.</li>
 * </ul>
 * Its parameters are bound once, in the order {@code params} names them (question text and vector, authors,
 * essay id, window depth, word depth, most passages per looked-up word); its columns are read by name
 * ({@link HybridRetriever}).
 */
final class SearchSql {

    /** Only the essays asked for: by one of the authors a name matched, or the one essay named. */
    static final String FILTERS = "((SELECT authors FROM params) IS NULL"
            + " OR v.author = ANY((SELECT authors FROM params)::text[]))"
            + " AND ((SELECT essay_id FROM params) IS NULL OR v.essay_id = (SELECT essay_id FROM params))";

    private static final String STATEMENT = """
            WITH params AS (
                SELECT ?::text AS question_text, ?::vector AS question_vector, ?::text[] AS authors,
                       ?::text AS essay_id, ?::int AS window_depth, ?::int AS word_depth,
                       ?::int AS max_term_passages
            ), terms AS (
                SELECT DISTINCT lexeme, quote_literal(lexeme)::tsquery AS term
                  FROM unnest(search_document((SELECT question_text FROM params))) AS lexeme
            ), weighted AS (
                SELECT t.term, coalesce(s.passages, 0) AS df,
                       ln(1 + (n.passages - coalesce(s.passages, 0) + 0.5) / (coalesce(s.passages, 0) + 0.5)) AS idf
                  FROM terms t
                  CROSS JOIN passage_stats n
                  LEFT JOIN term_stats s ON s.lexeme = t.lexeme
            ), question AS (
                SELECT question_vector AS embedding FROM params
            ), allowed AS (
                SELECT array_agg(v.version_id) AS versions FROM served_essay v WHERE %1$s
            ), closest_windows AS MATERIALIZED (
                SELECT pe.passage_id, pe.version_id
                  FROM passage_embedding pe
                 %2$s
                 ORDER BY pe.embedding <=> (SELECT embedding FROM question)
                 LIMIT (SELECT window_depth FROM params)
            ), by_meaning AS (
                SELECT DISTINCT w.passage_id
                  FROM closest_windows w
                  JOIN essay e ON e.version_id = w.version_id
            ), by_words AS (
                SELECT p.passage_id
                  FROM passage p
                  JOIN served_essay v ON v.version_id = p.version_id
                  JOIN (SELECT term, idf FROM weighted
                         WHERE df <= (SELECT max_term_passages FROM params)) w ON p.search_vector @@ w.term
                 WHERE %1$s
                 GROUP BY p.passage_id
                 ORDER BY sum(w.idf) DESC
                 LIMIT (SELECT word_depth FROM params)
            ), candidates AS (
                SELECT passage_id FROM by_meaning UNION SELECT passage_id FROM by_words
            )
            SELECT p.passage_id,
                   (SELECT max(1 - (w.embedding <=> (SELECT embedding FROM question)))
                      FROM passage_embedding w WHERE w.passage_id = p.passage_id) AS similarity,
                   coalesce((SELECT sum(w.idf) FROM weighted w WHERE p.search_vector @@ w.term), 0)
                       / nullif((SELECT sum(idf) FROM weighted), 0) AS keywords,
                   p.text, p.source, p.start_offset, p.end_offset,
                   v.essay_id, v.title, v.title_derived, v.author, v.date_text, v.sources,
                   v.source AS essay_source, v.body_start, v.passage_count, v.source_sha256
              FROM candidates c
              JOIN passage p ON p.passage_id = c.passage_id
              JOIN served_essay v ON v.version_id = p.version_id
            """;

    /** Without an author or essay filter: the HNSW scan reads the nearest windows with no condition at all. */
    static final String SEARCH = STATEMENT.formatted(FILTERS, "");

    /**
     * With an author or essay filter: the scan keeps only windows of the allowed versions, a condition it
     * checks as it goes, and goes on until enough pass.
     */
    static final String SEARCH_FILTERED = STATEMENT.formatted(FILTERS,
            "WHERE pe.version_id = ANY ((SELECT versions FROM allowed)::uuid[])");

    private SearchSql() {
    }
}
