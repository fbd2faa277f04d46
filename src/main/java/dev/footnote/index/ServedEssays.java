package dev.footnote.index;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Reads what the index serves: its manifest, the served essays and their texts, and the digests a reindex
 * compares the corpus with. Readers see only published versions ({@code served_essay}).
 */
final class ServedEssays {

    private static final String ESSAY_COLUMNS = "v.essay_id, v.title, v.title_derived, v.author, v.date_text, v.url, "
            + "v.sources, v.source, v.body_start, v.passage_count, v.source_sha256";

    private final DataSource dataSource;

    ServedEssays(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<IndexManifest> manifest() {
        return Sql.query(dataSource, "SELECT embedding_model, dimension, passage_settings FROM index_manifest",
                rs -> new IndexManifest(rs.getString(1), rs.getInt(2), rs.getString(3))).stream().findFirst();
    }

    /** The digests of every served essay, by essay id. */
    Map<String, EssayHashes> servedHashes() {
        Map<String, EssayHashes> hashes = new HashMap<>();
        Sql.query(dataSource, "SELECT v.essay_id, v.content_hash, v.layout_hash FROM served_essay v",
                rs -> hashes.put(rs.getString(1), new EssayHashes(rs.getString(2), rs.getString(3))));
        return hashes;
    }

    /**
     * The digests of the corpus files the served index was read from, by file name; empty when any was recorded
     * under other reading rules than {@code readingRules}.
     */
    Map<String, String> corpusFiles(int readingRules) {
        Map<String, String> files = new HashMap<>();
        List<Boolean> sameRules = Sql.query(dataSource, "SELECT source, sha256, reading_rules FROM corpus_file",
                rs -> {
                    files.put(rs.getString(1), rs.getString(2));
                    return rs.getInt(3) == readingRules;
                });
        return sameRules.contains(false) ? Map.of() : files;
    }

    int servedEssayCount() {
        return Sql.query(dataSource, "SELECT count(*) FROM essay", rs -> rs.getInt(1)).get(0);
    }

    int servedPassageCount() {
        return Sql.query(dataSource, "SELECT coalesce(sum(v.passage_count), 0) FROM served_essay v",
                rs -> rs.getInt(1)).get(0);
    }

    List<EssayRecord> essays() {
        return Sql.query(dataSource, "SELECT " + ESSAY_COLUMNS + " FROM served_essay v "
                + "ORDER BY v.source, v.body_start", ServedEssays::essayRecord);
    }

    List<String> authors() {
        return Sql.query(dataSource, "SELECT DISTINCT v.author FROM served_essay v "
                + "WHERE v.author IS NOT NULL ORDER BY v.author", rs -> rs.getString(1));
    }

    boolean hasEssay(String id) {
        return Sql.query(dataSource, "SELECT EXISTS (SELECT 1 FROM essay WHERE essay_id = ?)", rs -> rs.getBoolean(1),
                id).get(0);
    }

    List<EssayText> essayTexts() {
        return Sql.query(dataSource, "SELECT " + ESSAY_COLUMNS + ", v.body FROM served_essay v "
                + "ORDER BY v.source, v.body_start", ServedEssays::essayText);
    }

    List<EssayText> essayTextsFrom(String source) {
        return Sql.query(dataSource, "SELECT " + ESSAY_COLUMNS + ", v.body FROM served_essay v "
                + "WHERE v.source = ? ORDER BY v.body_start", ServedEssays::essayText, source);
    }

    Optional<EssayText> essayText(String id) {
        return Sql.query(dataSource, "SELECT " + ESSAY_COLUMNS + ", v.body FROM served_essay v "
                + "WHERE v.essay_id = ?", ServedEssays::essayText, id).stream().findFirst();
    }

    /** Reads the {@link #ESSAY_COLUMNS} by name. */
    static EssayRecord essayRecord(ResultSet rs) throws SQLException {
        return new EssayRecord(rs.getString("essay_id"), rs.getString("title"), rs.getBoolean("title_derived"),
                rs.getString("author"), rs.getString("date_text"), rs.getString("url"),
                Arrays.asList((String[]) rs.getArray("sources").getArray()), rs.getString("source"),
                rs.getInt("body_start"), rs.getInt("passage_count"), rs.getString("source_sha256"));
    }

    private static EssayText essayText(ResultSet rs) throws SQLException {
        return new EssayText(essayRecord(rs), rs.getString("body"));
    }

    /** The folder the served index was read from, as the last reindex recorded it. */
    Optional<Path> corpusFolder() {
        return Sql.query(dataSource, "SELECT corpus_folder FROM index_manifest WHERE corpus_folder IS NOT NULL",
                rs -> Path.of(rs.getString(1))).stream().findFirst();
    }
}
