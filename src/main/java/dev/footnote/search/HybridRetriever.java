package dev.footnote.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.pgvector.PGvector;

import dev.footnote.index.EssayRecord;
import dev.footnote.text.Span;

/**
 * The retrieval stage: the embedding leg and the keyword leg collect candidates in one round trip
 * ({@link SearchSql}), and every candidate gets both features, whichever leg found it. Either leg can be
 * switched off ({@code footnote.search.retrievers}); its feature is still measured for the other's candidates.
 * An author filter names the authors as the index spells them; an empty list means any author.
 */
final class HybridRetriever {

    /** About how many windows a passage is embedded as; the embedding leg reads this many per passage. */
    static final int WINDOWS_PER_PASSAGE = 4;

    private static final long SIZE_READ_INTERVAL_NANOS = 60_000_000_000L;
    private static final int STATEMENT_TIMEOUT_MARGIN_MILLIS = 250;

    private final boolean byMeaning;
    private final boolean byWords;
    private final HnswBreadth breadth;
    private final int keywordPassages;
    private final Relevance relevance;
    /** The index's size as last read, and when: the breadth needs its order of magnitude, not every row. */
    private volatile long indexedWindows = -1;
    private volatile long indexedWindowsReadAt;

    HybridRetriever(boolean byMeaning, boolean byWords, int efSearch, int keywordPassages, Relevance relevance) {
        if (!byMeaning && !byWords) {
            throw new IllegalArgumentException("footnote.search.retrievers must name embedding, keywords or both");
        }
        this.byMeaning = byMeaning;
        this.byWords = byWords;
        this.breadth = new HnswBreadth(efSearch);
        this.keywordPassages = keywordPassages;
        this.relevance = relevance;
    }

    /**
     * Starts a search's transaction on a connection without auto-commit, in the same round trip as the settings
     * of a search {@code depth} deep: read only, with one snapshot for every statement (repeatable read), so that
     * the texts of the candidates kept are still there when {@link #passages} reads them, even if a reindex has
     * published another version and removed the old one since they were ranked.
     */
    void begin(Connection connection, int depth) throws SQLException {
        String isolation = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
        long size = indexedWindows;
        try (Statement settings = connection.createStatement()) {
            if (size < 0 || System.nanoTime() - indexedWindowsReadAt > SIZE_READ_INTERVAL_NANOS) {
                // the size is read again in the transaction, whose isolation must come first
                settings.execute(isolation);
                settings.execute(settings(connection, depth, readIndexedWindows(connection)));
            } else {
                settings.execute(isolation + "; " + settings(connection, depth, size));
            }
        }
    }

    /** Widens the settings of a search begun ({@link #begin}) for a deeper one. */
    void deepen(Connection connection, int depth) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            long size = indexedWindows;
            settings.execute(settings(connection, depth, size < 0 ? readIndexedWindows(connection) : size));
        }
    }

    /**
     * HNSW returns at most ef_search rows; the iterative scan goes on until the filters are satisfied. JIT
     * compiling the statement costs more than it saves on a search of milliseconds. A search the client stops
     * waiting for (socketTimeout) is cancelled in the database too, just before.
     */
    private String settings(Connection connection, int depth, long indexed) throws SQLException {
        return "SET LOCAL hnsw.ef_search = " + breadth.efSearch(windows(depth), indexed)
                + "; SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL jit = off"
                + "; SET LOCAL statement_timeout = " + statementTimeoutMillis(connection);
    }

    private int windows(int depth) {
        return byMeaning ? depth * WINDOWS_PER_PASSAGE : 0;
    }

    /**
     * Up to {@code depth} candidates from each enabled leg, in no particular order, in a transaction begun (or
     * deepened) for that depth.
     */
    List<Candidate> retrieve(Connection connection, PassageQuery query, List<String> authors, float[] question,
            int depth) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        boolean filtered = !authors.isEmpty() || query.essayId().isPresent();
        String sql = SearchSql.statement(filtered, windows(depth), byWords ? depth : 0, keywordPassages,
                indexedWindows);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            // in the order the statement's params CTE names them, each bound once
            statement.setString(1, query.text());
            statement.setString(2, new PGvector(question).getValue());
            statement.setArray(3, authors.isEmpty() ? null : connection.createArrayOf("text", authors.toArray()));
            statement.setString(4, query.essayId().orElse(null));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    candidates.add(candidate(row));
                }
            }
        }
        return candidates;
    }

    /**
     * The text and essay of the candidates kept, in their order; read in the transaction that retrieved them
     * ({@link #begin}), so that none has gone.
     */
    List<PassageHit> passages(Connection connection, List<Candidate> kept) throws SQLException {
        if (kept.isEmpty()) {
            return List.of();
        }
        Map<UUID, Candidate> byId = kept.stream().collect(Collectors.toMap(Candidate::passageId, Function.identity()));
        Map<UUID, PassageHit> read = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SearchSql.PASSAGES)) {
            statement.setArray(1, connection.createArrayOf("uuid", byId.keySet().toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Candidate candidate = byId.get(row.getObject("passage_id", UUID.class));
                    read.put(candidate.passageId(), passage(row, candidate));
                }
            }
        }
        return kept.stream().map(candidate -> read.get(candidate.passageId())).filter(Objects::nonNull).toList();
    }

    /** Reads the indexed windows (the breadth needs their order of magnitude), and keeps them for a minute. */
    private long readIndexedWindows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(HnswBreadth.INDEXED_WINDOWS)) {
            long windows = row.next() ? row.getLong(1) : 0;
            indexedWindowsReadAt = System.nanoTime();
            indexedWindows = windows;
            return windows;
        }
    }

    /** A little under the connection's read bound, so that the database gives up first; 0 (none) without one. */
    private static int statementTimeoutMillis(Connection connection) throws SQLException {
        int readBound = connection.getNetworkTimeout();
        return readBound <= 0 ? 0 : Math.max(readBound - STATEMENT_TIMEOUT_MARGIN_MILLIS, readBound / 2);
    }

    /** A row of the search statement, read by column name: the passage, its features, its place and essay. */
    private Candidate candidate(ResultSet row) throws SQLException {
        double similarity = row.getDouble("similarity");
        double keywords = row.getDouble("keywords");
        return new Candidate(row.getObject("passage_id", UUID.class), relevance.score(similarity, keywords),
                similarity, keywords, row.getString("source"), row.getInt("start_offset"), row.getString("essay_id"));
    }

    /** A row of {@link SearchSql#PASSAGES}: the candidate's text and essay. */
    private static PassageHit passage(ResultSet row, Candidate candidate) throws SQLException {
        EssayRecord essay = new EssayRecord(row.getString("essay_id"), row.getString("title"),
                row.getBoolean("title_derived"), row.getString("author"), row.getString("date_text"),
                row.getString("url"), List.of((String[]) row.getArray("sources").getArray()),
                row.getString("essay_source"),
                row.getInt("body_start"), row.getInt("passage_count"), row.getString("source_sha256"));
        return new PassageHit(candidate.passageId(), candidate.score(), candidate.similarity(), candidate.keywords(),
                row.getString("text"), row.getString("source"), row.getInt("start_offset"), row.getInt("end_offset"),
                sourceSpan(row), essay);
    }

    /** The raw file's stretch; rows written before it was recorded are text files, where the offsets serve. */
    private static Span sourceSpan(ResultSet row) throws SQLException {
        Integer start = row.getObject("source_start", Integer.class);
        Integer end = row.getObject("source_end", Integer.class);
        return start == null || end == null ? new Span(row.getInt("start_offset"), row.getInt("end_offset"))
                : new Span(start, end);
    }
}
