package dev.footnote.index;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.footnote.corpus.CorpusReader;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.embedding.Role;
import dev.footnote.passage.PassageCutter;
import dev.footnote.passage.PassageSettings;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One passage index in one PostgreSQL schema: its tables, its vectors, and the model and passage rules it
 * must have been built with. The application serves one; tests build others on scratch schemas.
 */
public final class Index {

    private final DataSource dataSource;
    private final OnnxEncoder encoder;
    private final IndexManifest expectedManifest;
    private final PassageCutter cutter;
    private final ServedEssays served;
    private final IndexWriter writer;
    private final Vocabulary vocabulary;
    private final ManifestCheck manifestCheck;
    private final PassageVectors vectors;
    private final AtomicReference<FirstBuild> firstBuild = new AtomicReference<>();
    private final MeterRegistry registry;
    private final CorpusReader reader = new CorpusReader();

    /** An index whose reindex figures are kept in a registry of its own (scratch indexes, tools). */
    public Index(DataSource dataSource, OnnxEncoder encoder, PassageSettings settings) {
        this(dataSource, encoder, settings, new SimpleMeterRegistry());
    }

    /** An index whose reindexes are recorded in {@code registry} (see {@link #reindex}). */
    public Index(DataSource dataSource, OnnxEncoder encoder, PassageSettings settings, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.encoder = encoder;
        this.expectedManifest = new IndexManifest(encoder.modelName(), encoder.dimension(), settings.fingerprint());
        this.cutter = new PassageCutter(encoder, encoder.maxTextTokens(), settings);
        this.served = new ServedEssays(dataSource);
        this.manifestCheck = new ManifestCheck(served, expectedManifest);
        this.writer = new IndexWriter(dataSource);
        this.vocabulary = new Vocabulary(dataSource);
        this.vectors = new PassageVectors(dataSource, encoder.dimension());
    }

    public Reindexer reindexer() {
        return new Reindexer(this, Reindexer.DEFAULT_EMBEDDING_GROUP);
    }

    /**
     * Reindexes with the index's own model. While a run fills an empty index, {@link #requireServing()} tells
     * readers how far it has got instead of letting them search an index with nothing in it.
     *
     * <p>Each run that writes is recorded: {@code footnote.reindex} (its duration, by outcome),
     * {@code footnote.reindex.essays} (essays added, changed and removed) and {@code footnote.reindex.embedded}
     * (passage windows that went through the model).
     */
    public ReindexSummary reindex(ReindexOptions options, ReindexListener listener) {
        if (options.dryRun()) {
            return run(options, listener);
        }
        Timer.Sample started = Timer.start(registry);
        String outcome = "failed";
        try {
            ReindexSummary summary = run(options, listener);
            outcome = "done";
            essays("added", summary.added());
            essays("changed", summary.changed());
            essays("removed", summary.removed());
            Counter.builder("footnote.reindex.embedded").description("Passage windows embedded by reindexes")
                    .register(registry).increment(summary.embedded());
            return summary;
        } finally {
            started.stop(Timer.builder("footnote.reindex").description("Reindex runs").tag("outcome", outcome)
                    .register(registry));
        }
    }

    private void essays(String change, int count) {
        Counter.builder("footnote.reindex.essays").description("Essays added, changed and removed by reindexes")
                .tag("change", change).register(registry).increment(count);
    }

    private ReindexSummary run(ReindexOptions options, ReindexListener listener) {
        EmbeddingModel passages = encoder.embeddingModel(Role.PASSAGE);
        if (options.dryRun() || !isEmpty()) {
            return reindexer().reindex(options, passages, listener);
        }
        FirstBuild build = new FirstBuild(listener);
        if (!firstBuild.compareAndSet(null, build)) {
            return reindexer().reindex(options, passages, listener); // a first build runs: this one meets its lock
        }
        try {
            return reindexer().reindex(options, passages, build);
        } finally {
            firstBuild.compareAndSet(build, null);
        }
    }

    /** Throws {@link IndexMismatchException} unless the stored index was built like this one would be. */
    public void requireCompatible() {
        manifestCheck.require();
    }

    /**
     * Throws unless the index can answer: {@link IndexMismatchException} when it was built otherwise (as read at
     * most a second ago: {@link ManifestCheck#requireRecent}), and {@link IndexBuildingException} while a first
     * build is filling it.
     */
    public void requireServing() {
        manifestCheck.requireRecent();
        FirstBuild build = firstBuild.get();
        if (build != null && isEmpty()) {
            throw build.stillBuilding();
        }
    }

    /**
     * Throws {@link IndexBuildingException} if the index is empty because a reindex, perhaps run by another
     * process, is filling it. For a search that found nothing: only then is the extra look worth taking.
     */
    public void requireNotBeingFilled() {
        if (isEmpty() && ReindexLock.isHeld(dataSource)) {
            FirstBuild build = firstBuild.get();
            throw build == null ? new IndexBuildingException(0, 0)
                    : build.stillBuilding();
        }
    }

    public boolean isEmpty() {
        return served.servedEssayCount() == 0;
    }

    public int essayCount() {
        return served.servedEssayCount();
    }

    public int passageCount() {
        return served.servedPassageCount();
    }

    /** The content digests of the served essays, by essay id: they change whenever what is served changes. */
    public Map<String, EssayHashes> servedHashes() {
        return served.servedHashes();
    }

    public List<EssayRecord> essays() {
        return served.essays();
    }

    /** The words of {@code text} that no served passage holds. */
    public UnknownWords unknownWords(String text) {
        return vocabulary.unknownWords(text);
    }

    /** The authors of the served essays, as their bylines spell them. */
    public List<String> authors() {
        return served.authors();
    }

    /** Whether an essay with this id is served. */
    public boolean hasEssay(String id) {
        return served.hasEssay(id);
    }

    /** The folder the served index was read from, as the last reindex recorded it. */
    public Optional<Path> corpusFolder() {
        return served.corpusFolder();
    }

    /** One served essay with its text. */
    public Optional<EssayText> essayText(String id) {
        return served.essayText(id);
    }

    /** The served essays whose text comes from the file {@code source}, with their texts, in file order. */
    public List<EssayText> essayTextsFrom(String source) {
        return served.essayTextsFrom(source);
    }

    /** Every served essay with its text, in the order of {@link #essays()}. */
    public List<EssayText> essayTexts() {
        return served.essayTexts();
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

    /** Reads the corpus folders this index is brought in line with. */
    CorpusReader reader() {
        return reader;
    }

    PassageCutter cutter() {
        return cutter;
    }

    ServedEssays served() {
        return served;
    }

    IndexWriter writer() {
        return writer;
    }

    PassageVectors vectors() {
        return vectors;
    }
}
