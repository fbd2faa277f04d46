package dev.footnote.index;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.pgvector.PGvector;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.pgvector.DefaultMetadataStorageConfig;
import dev.langchain4j.store.embedding.pgvector.MetadataStorageMode;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;

/**
 * Passage vectors in pgvector, written through LangChain4j's {@link PgVectorEmbeddingStore} on the pooled
 * data source. The table, its HNSW index and the {@code vector} extension belong to the Flyway migrations,
 * so the store is told to create none of them.
 *
 * <p>Each vector carries the hash of the text it was computed from: a passage whose embedded text is already
 * in the table (an unchanged passage of a changed essay, or a leftover of an interrupted run) reuses that
 * vector instead of running the model again.
 */
final class PassageVectors {

    static final String TABLE = "passage_embedding";

    private final DataSource dataSource;
    private final PgVectorEmbeddingStore store;

    PassageVectors(DataSource dataSource, int dimension) {
        this.dataSource = dataSource;
        this.store = PgVectorEmbeddingStore.datasourceBuilder()
                .datasource(dataSource)
                .table(TABLE)
                .dimension(dimension)
                .createTable(false)
                .useIndex(false)
                .skipCreateVectorExtension(true)
                .metadataStorageConfig(DefaultMetadataStorageConfig.builder()
                        .storageMode(MetadataStorageMode.COLUMN_PER_KEY)
                        .columnDefinitions(List.of("passage_id uuid", "version_id uuid", "text_hash text"))
                        .build())
                .build();
    }

    /** One vector to store: for passage {@code passageId} of essay version {@code versionId}. */
    record Entry(UUID passageId, UUID versionId, String text, String textHash, float[] vector) {
    }

    void add(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(entries.size());
        List<Embedding> embeddings = new ArrayList<>(entries.size());
        List<TextSegment> segments = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            ids.add(UUID.randomUUID().toString());
            embeddings.add(Embedding.from(entry.vector()));
            segments.add(TextSegment.from(entry.text(), new Metadata()
                    .put("passage_id", entry.passageId())
                    .put("version_id", entry.versionId())
                    .put("text_hash", entry.textHash())));
        }
        store.addAll(ids, embeddings, segments);
    }

    /** Vectors already stored for any of these text hashes. */
    Map<String, float[]> findByTextHash(Collection<String> textHashes) {
        Map<String, float[]> found = new HashMap<>();
        if (textHashes.isEmpty()) {
            return found;
        }
        Sql.query(dataSource, "SELECT DISTINCT ON (text_hash) text_hash, embedding::text FROM " + TABLE
                + " WHERE text_hash = ANY (?)", rs -> found.put(rs.getString(1), parse(rs.getString(2))),
                (Object) textHashes.toArray(new String[0]));
        return found;
    }

    private static float[] parse(String vector) throws SQLException {
        return new PGvector(vector).toArray();
    }
}
