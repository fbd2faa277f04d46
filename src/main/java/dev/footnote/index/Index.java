package dev.footnote.index;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.passage.PassageCutter;
import dev.footnote.passage.PassageSettings;

/**
 * One passage index in one PostgreSQL schema: its tables, its vectors, and the model and passage rules it
 * must have been built with. The application serves one; tests build others on scratch schemas.
 */
public final class Index {

    private final DataSource dataSource;
    private final OnnxEncoder encoder;
    private final IndexManifest expectedManifest;
    private final PassageCutter cutter;
    private final IndexTables tables;
    private final PassageVectors vectors;

    public Index(DataSource dataSource, OnnxEncoder encoder, PassageSettings settings) {
        this.dataSource = dataSource;
        this.encoder = encoder;
        this.expectedManifest = new IndexManifest(encoder.modelName(), encoder.dimension(), settings.fingerprint());
        this.cutter = new PassageCutter(encoder, encoder.maxTextTokens(), settings);
        this.tables = new IndexTables(dataSource);
        this.vectors = new PassageVectors(dataSource, encoder.dimension());
    }

    public Reindexer reindexer() {
        return new Reindexer(this, Reindexer.DEFAULT_EMBEDDING_GROUP);
    }

    /** Reindexes with the index's own model. */
    public ReindexSummary reindex(ReindexOptions options, ReindexListener listener) {
        return reindexer().reindex(options, encoder, listener);
    }

    /** Throws {@link IndexMismatchException} unless the stored index was built like this one would be. */
    public void requireCompatible() {
        tables.manifest().filter(stored -> !stored.equals(expectedManifest)).ifPresent(stored -> {
            throw new IndexMismatchException(stored, expectedManifest);
        });
    }

    public boolean isEmpty() {
        return tables.servedEssayCount() == 0;
    }

    public int essayCount() {
        return tables.servedEssayCount();
    }

    public int passageCount() {
        return tables.servedPassageCount();
    }

    public List<EssayRecord> essays() {
        return tables.essays();
    }

    public Optional<EssayRecord> essay(String id) {
        return tables.essay(id);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public OnnxEncoder encoder() {
        return encoder;
    }

    IndexManifest expectedManifest() {
        return expectedManifest;
    }

    PassageCutter cutter() {
        return cutter;
    }

    IndexTables tables() {
        return tables;
    }

    PassageVectors vectors() {
        return vectors;
    }
}
