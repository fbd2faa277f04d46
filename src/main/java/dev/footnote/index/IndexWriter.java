package dev.footnote.index;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.footnote.corpus.Essay;
import dev.footnote.passage.Passage;

/**
 * The write path of a reindex: new essay versions are staged unseen, then published together in one
 * transaction, and what is no longer served is removed afterwards.
 */
final class IndexWriter {

    /** How long one reindex statement may wait for the database: they grow with the corpus, unlike a search. */
    static final Duration REINDEX_READ_TIMEOUT = Duration.ofMinutes(10);

    private final DataSource dataSource;

    IndexWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes a new essay version and its passages, unseen by readers until {@link #publish}. */
    void stage(StagedEssay staged) {
        Sql.inTransaction(dataSource, REINDEX_READ_TIMEOUT, connection -> {
            Essay essay = staged.essay();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO essay_version (version_id, "
                    + "essay_id, content_hash, layout_hash, title, title_derived, author, date_text, sources, source, "
                    + "body_start, body, passage_count, source_sha256, url) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, staged.versionId());
                insert.setString(2, essay.id());
                insert.setString(3, staged.hashes().content());
                insert.setString(4, staged.hashes().layout());
                insert.setString(5, essay.title());
                insert.setBoolean(6, essay.titleDerived());
                insert.setString(7, essay.author());
                insert.setString(8, essay.date());
                insert.setArray(9, connection.createArrayOf("text", essay.sources().toArray()));
                insert.setString(10, essay.source());
                insert.setInt(11, essay.body().bodySpan().start());
                insert.setString(12, essay.body().bodyText());
                insert.setInt(13, staged.passages().size());
                insert.setString(14, staged.sourceDigest());
                insert.setString(15, essay.url());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO passage (passage_id, version_id, "
                    + "ordinal, source, start_offset, end_offset, text, search_text, tokens, source_start, source_end) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < staged.passages().size(); i++) {
                    Passage passage = staged.passages().get(i);
                    insert.setObject(1, staged.passageIds().get(i));
                    insert.setObject(2, staged.versionId());
                    insert.setInt(3, passage.ordinal());
                    insert.setString(4, passage.source());
                    insert.setInt(5, passage.span().start());
                    insert.setInt(6, passage.span().end());
                    insert.setString(7, passage.text());
                    insert.setString(8, passage.searchText());
                    insert.setInt(9, passage.tokens());
                    insert.setInt(10, passage.sourceSpan().start());
                    insert.setInt(11, passage.sourceSpan().end());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Switches the served index in one transaction: staged versions replace their essays' current ones,
     * removed essays disappear, the manifest records what built the index, and {@code corpus_file} the digests
     * of the files it was read from.
     */
    void publish(Collection<StagedEssay> staged, Collection<String> removedEssayIds, IndexManifest manifest,
            Path corpusFolder, Map<String, String> corpusFiles, int readingRules) {
        Sql.inTransaction(dataSource, REINDEX_READ_TIMEOUT, connection -> {
            List<UUID> withdrawn = servedVersions(connection, Stream.concat(
                    staged.stream().map(essay -> essay.essay().id()), removedEssayIds.stream()).toList());
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO essay (essay_id, version_id) "
                    + "VALUES (?, ?) ON CONFLICT (essay_id) DO UPDATE SET version_id = EXCLUDED.version_id")) {
                for (StagedEssay essay : staged) {
                    upsert.setString(1, essay.essay().id());
                    upsert.setObject(2, essay.versionId());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM essay WHERE essay_id = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("text", removedEssayIds.toArray()));
                delete.executeUpdate();
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO index_manifest (singleton, "
                    + "embedding_model, dimension, passage_settings, updated_at) VALUES (true, ?, ?, ?, now()) "
                    + "ON CONFLICT (singleton) DO UPDATE SET embedding_model = EXCLUDED.embedding_model, "
                    + "dimension = EXCLUDED.dimension, passage_settings = EXCLUDED.passage_settings, "
                    + "updated_at = now()")) {
                upsert.setString(1, manifest.embeddingModel());
                upsert.setInt(2, manifest.dimension());
                upsert.setString(3, manifest.passageSettings());
                upsert.executeUpdate();
            }
            recordCorpusFolder(connection, corpusFolder);
            KeywordStatistics.update(connection, staged.stream().map(StagedEssay::versionId).toList(), withdrawn);
            recordCorpusFiles(connection, corpusFiles, readingRules);
            return null;
        });
    }

    /** Records the folder a run read the served index from, when it found nothing to change in it. */
    void recordCorpusFolder(Path corpusFolder) {
        Sql.inTransaction(dataSource, REINDEX_READ_TIMEOUT, connection -> {
            recordCorpusFolder(connection, corpusFolder);
            return null;
        });
    }

    private static void recordCorpusFolder(Connection connection, Path corpusFolder) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE index_manifest SET corpus_folder = ?")) {
            update.setString(1, corpusFolder.toAbsolutePath().normalize().toString());
            update.executeUpdate();
        }
    }

    private static void recordCorpusFiles(Connection connection, Map<String, String> files, int readingRules)
            throws SQLException {
        try (Statement clear = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO corpus_file (source, sha256, reading_rules) VALUES (?, ?, ?)")) {
            clear.execute("DELETE FROM corpus_file");
            for (Map.Entry<String, String> file : files.entrySet()) {
                insert.setString(1, file.getKey());
                insert.setString(2, file.getValue());
                insert.setInt(3, readingRules);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The versions served now for these essays. */
    private static List<UUID> servedVersions(Connection connection, List<String> essayIds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version_id FROM essay WHERE essay_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", essayIds.toArray()));
            List<UUID> versions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getObject(1, UUID.class));
                }
            }
            return versions;
        }
    }

    /** Deletes every version, passage and vector that is not served: replaced ones and leftovers of failed runs. */
    int removeUnserved() {
        return Sql.inTransaction(dataSource, REINDEX_READ_TIMEOUT, connection -> {
            int removed = 0;
            try (PreparedStatement vectors = connection.prepareStatement("DELETE FROM passage_embedding p WHERE "
                    + "NOT EXISTS (SELECT 1 FROM essay e WHERE e.version_id = p.version_id)");
                    PreparedStatement versions = connection.prepareStatement("DELETE FROM essay_version v WHERE "
                            + "NOT EXISTS (SELECT 1 FROM essay e WHERE e.version_id = v.version_id)")) {
                vectors.executeUpdate();
                removed = versions.executeUpdate();
            }
            return removed;
        });
    }

    static List<UUID> newIds(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
