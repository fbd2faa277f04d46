package dev.footnote.search;

/**
 * The statements behind a passage search: one finds and measures the candidates, so that it is planned once and
 * runs in one round trip; {@link #PASSAGES} then reads the texts of the few kept.
 *
 * <ul>
 *   <li>{@code weighted}: the question's stemmed words ({@code search_document}, English) with their
 *   inverse document frequency among served passages, as in BM25, from the statistics reindex keeps
 *   ({@code term_stats}, {@code passage_stats}): one lookup per word, however many passages hold it;</li>
 *   <li>{@code by_meaning}: the passages of the windows closest to the question vector, through the HNSW index,
 *   which holds the vectors in half precision ({@link #NEAREST_ORDER}). The scan reads {@code passage_embedding}
 *   alone, so that it stays an index scan however large the table: with an author or essay filter, the allowed
 *   versions are a filter of the scan (pgvector's iterative scan goes on until enough pass it); without one, windows
 *   of versions no longer or not yet served (only there while a reindex runs) are dropped after it;</li>
 *   <li>{@code by_words}: the passages holding the largest share of the question's word weight, through the
 *   GIN index on the stored {@code search_vector}, looked up by the question's rarest words: word by word, from
 *   the rarest, while the passages they hold add up to at most {@code keywordPassages}, so that the rows it reads
 *   are bounded whatever the corpus and however many words the question has;</li>
 *   <li>then both features for every candidate, whichever leg found it: the similarity of its closest window,
 *   and its share of the question's word weight; with what ranking needs besides (place and essay), not its
 *   text: {@link #PASSAGES} reads that for the few passages kept.</li>
 * </ul>
 * Its parameters are bound once, in the order {@code params} names them (question text and vector, authors,
 * essay id); its columns are read by name ({@link HybridRetriever}).
 */
final class SearchSql {

    /**
     * The order of the embedding leg's scan: the windows' distance to a vector ({@code %s}) in half precision,
     * the expression the HNSW index is built on (migration V14), so that the planner can walk the index for it.
     * The similarity a candidate is ranked by is still measured on the full vectors.
     */
    static final String NEAREST_ORDER = "embedding::halfvec(384) <=> (%s)::halfvec(384)";

    /**
     * Below this many indexed windows the embedding leg reads every window and orders them by their exact
     * distance instead: the planner scans the table there anyway, and converting every window to half precision
     * for the index's order would cost more than the distances themselves. Measured where the two meet
     * (docs/scaling.md, "CPU per search").
     */
    static final long EXACT_SCAN_BELOW = 5_000;

    /** The exact order, by the full vectors' distance; no index serves it. */
    private static final String EXACT_ORDER = "embedding <=> (%s)";

    /** Only the essays asked for: by one of the authors a name matched, or the one essay named. */
    static final String FILTERS = "((SELECT authors FROM params) IS NULL"
            + " OR v.author = ANY((SELECT authors FROM params)::text[]))"
            + " AND ((SELECT essay_id FROM params) IS NULL OR v.essay_id = (SELECT essay_id FROM params))";

    private static final String STATEMENT = """
            WITH params AS (
                SELECT ?::text AS question_text, ?::vector AS question_vector, ?::text[] AS authors,
                       ?::text AS essay_id
            ), terms AS (
                SELECT DISTINCT lexeme, quote_literal(lexeme)::tsquery AS term
                  FROM unnest(search_document((SELECT question_text FROM params))) AS lexeme
            ), weighted AS (
                SELECT t.lexeme, t.term, coalesce(s.passages, 0) AS df,
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
                 ORDER BY pe.%6$s
                 LIMIT %3$d
            ), by_meaning AS (
                SELECT DISTINCT w.passage_id
                  FROM closest_windows w
                  JOIN essay e ON e.version_id = w.version_id
            ), looked_up AS MATERIALIZED (
                SELECT term, idf
                  FROM (SELECT term, idf, sum(df) OVER (ORDER BY df, lexeme ROWS UNBOUNDED PRECEDING) AS reads
                          FROM weighted WHERE df > 0) rarest_first
                 WHERE reads <= %4$d
            ), by_words AS (
                %5$s
            ), candidates AS (
                SELECT passage_id FROM by_meaning UNION SELECT passage_id FROM by_words
            )
            SELECT p.passage_id,
                   (SELECT max(1 - (w.embedding <=> (SELECT embedding FROM question)))
                      FROM passage_embedding w WHERE w.passage_id = p.passage_id) AS similarity,
                   coalesce((SELECT sum(w.idf) FROM weighted w WHERE p.search_vector @@ w.term), 0)
                       / nullif((SELECT sum(idf) FROM weighted), 0) AS keywords,
                   p.source, p.start_offset, v.essay_id
              FROM candidates c
              JOIN passage p ON p.passage_id = c.passage_id
              JOIN essay_version v ON v.version_id = p.version_id
            """;

    /**
     * The passages a search keeps, by id ({@code uuid[]}), with their essays: read in the search's transaction,
     * whose snapshot still holds them even if a reindex has published and cleaned up since.
     */
    static final String PASSAGES = """
            SELECT p.passage_id, p.text, p.source, p.start_offset, p.end_offset, p.source_start, p.source_end,
                   v.essay_id, v.title, v.title_derived, v.author, v.date_text, v.url, v.sources,
                   v.source AS essay_source, v.body_start, v.passage_count, v.source_sha256
              FROM passage p
              JOIN essay_version v ON v.version_id = p.version_id
             WHERE p.passage_id = ANY (?::uuid[])
            """;

    /**
     * The keyword leg of an unfiltered search ranks the passages it looked up before it checks that their essay is
     * served: a check of every looked-up passage would cost more than the lookup. Versions that are not served
     * exist only while a reindex runs, so ranking {@value #OVERFETCH} times as many as it keeps is plenty.
     */
    private static final String BY_WORDS = """
            SELECT ranked.passage_id
                  FROM (SELECT p.passage_id, p.version_id, sum(w.idf) AS weight
                          FROM looked_up w
                          JOIN passage p ON p.search_vector @@ w.term
                         GROUP BY p.passage_id, p.version_id
                         ORDER BY weight DESC
                         LIMIT %1$d) ranked
                  JOIN essay e ON e.version_id = ranked.version_id
                 ORDER BY ranked.weight DESC
                 LIMIT %2$d""";

    /** The keyword leg of a search by author or essay: only passages of the essays asked for are ranked. */
    private static final String FILTERED_BY_WORDS = """
            SELECT p.passage_id
                  FROM looked_up w
                  JOIN passage p ON p.search_vector @@ w.term
                  JOIN essay_version v ON v.version_id = p.version_id
                  JOIN essay e ON e.version_id = v.version_id
                 WHERE %1$s
                 GROUP BY p.passage_id
                 ORDER BY sum(w.idf) DESC
                 LIMIT %2$d""";

    private static final int OVERFETCH = 2;

    private SearchSql() {
    }

    /**
     * The statement for one search. Its depths are written into it rather than bound, so that the planner
     * knows how many rows each leg asks for: told only "some number", it estimates a tenth of the table and
     * prefers scanning and sorting every vector to the HNSW index.
     *
     * @param filtered        whether the query names authors or an essay. Without, neither leg carries a filter
     *                        condition, whose selectivity the planner cannot estimate: the HNSW scan reads the
     *                        nearest windows with no condition (unserved ones, there only while a reindex runs,
     *                        are dropped after it), and the keyword leg ranks what the GIN index gives before it
     *                        checks that the best passages' essays are served. With, the scan keeps only windows
     *                        of the allowed versions, a condition it checks as it goes until enough pass, and the
     *                        keyword leg ranks only passages of the essays asked for.
     * @param windowDepth     windows the embedding leg reads
     * @param wordDepth       passages the keyword leg contributes
     * @param keywordPassages the keyword leg looks candidates up through the rarest words whose passages add up to
     *                        at most this many
     * @param indexedWindows  about how many windows the index holds: below {@link #EXACT_SCAN_BELOW} the
     *                        embedding leg reads them all exactly, above it scans the HNSW index
     */
    static String statement(boolean filtered, int windowDepth, int wordDepth, int keywordPassages,
            long indexedWindows) {
        String windowFilter = filtered ? "WHERE pe.version_id = ANY ((SELECT versions FROM allowed)::uuid[])" : "";
        String byWords = filtered ? FILTERED_BY_WORDS.formatted(FILTERS, wordDepth)
                : BY_WORDS.formatted(OVERFETCH * wordDepth, wordDepth);
        return STATEMENT.formatted(FILTERS, windowFilter, windowDepth, keywordPassages, byWords,
                (indexedWindows < EXACT_SCAN_BELOW ? EXACT_ORDER : NEAREST_ORDER)
                        .formatted("SELECT embedding FROM question"));
    }
}
