package dev.footnote.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import dev.footnote.corpus.Corpus;
import dev.footnote.corpus.Essay;
import dev.footnote.passage.Passage;
import dev.footnote.text.Hashes;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * Brings the index in line with a corpus folder.
 *
 * <ol>
 *   <li><b>Plan.</b> Read and cut the corpus; compare each essay's content hash with the served one: new
 *   essays are added, different ones changed, missing ones removed, equal ones left alone.</li>
 *   <li><b>Stage.</b> Write new versions of added and changed essays beside the served index, embedding only
 *   passage windows whose text has no stored vector yet. Readers do not see staged rows.</li>
 *   <li><b>Publish.</b> In one transaction, point the served essays at the new versions and drop removed
 *   ones. Then delete what is no longer served.</li>
 * </ol>
 * A run that fails or is killed before publishing leaves the previous index serving; its staged vectors are
 * reused by the next run. An advisory lock keeps two runs from interleaving.
 */
public final class Reindexer {

    private static final Logger LOG = Logger.getLogger(Reindexer.class);
    /**
     * The revision of the rules that read essay files and cut them into passages. A reindex that finds every
     * file as recorded skips reading them only if they were read under the same rules: whoever changes what
     * the corpus or passage packages make of a file raises this number.
     */
    static final int READING_RULES = 2;

    /** Passages embedded per model call: large enough that length-sorted batches carry little padding. */
    static final int DEFAULT_EMBEDDING_GROUP = 128;

    private final Index index;
    private final int embeddingGroup;

    Reindexer(Index index, int embeddingGroup) {
        this.index = index;
        this.embeddingGroup = embeddingGroup;
    }

    public ReindexSummary reindex(ReindexOptions options, EmbeddingModel embedder, ReindexListener listener) {
        long started = System.nanoTime();
        if (options.dryRun()) {
            Plan plan = plan(options);
            return plan.summary(missing(plan.toWrite, knownVectors(plan.toWrite, options.full())).size(),
                    seconds(started), true);
        }
        // The plan is made under the lock, so that it cannot be based on what a concurrent run replaces.
        try (ReindexLock lock = ReindexLock.acquire(index.dataSource())) {
            Optional<ReindexSummary> nothingChanged = unchangedFiles(options, started);
            if (nothingChanged.isPresent()) {
                index.writer().recordCorpusFolder(options.corpus());
                return nothingChanged.get();
            }
            Plan plan = plan(options);
            int indexed = plan.removed.size() + plan.changed + plan.unchanged;
            if (!options.allowRemovals() && plan.removed.size() * 2 > indexed) {
                throw new ReindexConflictException("this reindex would remove " + plan.removed.size() + " of the "
                        + indexed + " indexed essays; check the corpus folder (" + options.corpus()
                        + "), or allow it with --allow-removals");
            }
            Map<String, float[]> known = knownVectors(plan.toWrite, options.full());
            listener.planned(plan.summary(missing(plan.toWrite, known).size(), 0, false), plan.toWrite.size());
            int embedded = stage(plan.toWrite, known, embedder, listener);
            index.writer().publish(plan.toWrite, plan.removed, index.expectedManifest(), options.corpus(),
                    plan.files, READING_RULES);
            int dropped = index.writer().removeUnserved();
            LOG.debugf("Published %d essay versions, removed %d unserved ones", plan.toWrite.size(), dropped);
            return plan.summary(embedded, seconds(started), false);
        }
    }

    /**
     * A run with nothing to do, told from digests alone: every file of the corpus folder has the digest the index
     * recorded when it was last published, under the same reading rules, and the index was built as configured.
     * Nothing is parsed, cut or compared; the counts are the served ones.
     */
    private Optional<ReindexSummary> unchangedFiles(ReindexOptions options, long started) {
        ServedEssays tables = index.served();
        boolean sameBuild = tables.manifest().map(index.expectedManifest()::equals).orElse(false);
        if (options.full() || !sameBuild) {
            return Optional.empty();
        }
        Map<String, String> recorded = tables.corpusFiles(READING_RULES);
        if (recorded.isEmpty() || !recorded.equals(index.reader().digests(options.corpus()))) {
            return Optional.empty();
        }
        return Optional.of(new ReindexSummary(0, 0, 0, tables.servedEssayCount(), tables.servedPassageCount(), 0,
                seconds(started), false, List.of()));
    }

    /** What a run will do: the essay versions to write, the essays to remove, and the counts to report. */
    private record Plan(List<StagedEssay> toWrite, Set<String> removed, int added, int changed, int unchanged,
            int passages, List<String> skipped, Map<String, String> files) {

        ReindexSummary summary(int embedded, double seconds, boolean dryRun) {
            return new ReindexSummary(added, changed, removed.size(), unchanged, passages, embedded, seconds, dryRun,
                    skipped);
        }
    }

    private Plan plan(ReindexOptions options) {
        ServedEssays tables = index.served();
        tables.manifest().filter(stored -> !options.full() && !stored.equals(index.expectedManifest()))
                .ifPresent(stored -> {
                    throw new IndexMismatchException(stored, index.expectedManifest());
                });
        Corpus corpus = index.reader().read(options.corpus());
        Map<String, EssayHashes> served = tables.servedHashes();
        if (corpus.essays().isEmpty() && !served.isEmpty()) {
            throw new IndexException("no readable essays in " + options.corpus() + "; refusing to remove all "
                    + served.size() + " essays from the index");
        }
        Map<String, List<Passage>> passages = index.cutter().cut(corpus.essays());

        List<StagedEssay> toWrite = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (Essay essay : corpus.essays()) {
            List<Passage> essayPassages = passages.get(essay.id());
            EssayHashes hashes = new EssayHashes(ContentHash.of(essay, essayPassages, index.expectedManifest()),
                    ContentHash.layout(essay, essayPassages, corpus.digestOf(essay)));
            EssayHashes servedHashes = served.get(essay.id());
            if (servedHashes == null) {
                added++;
            } else if (options.full() || !servedHashes.content().equals(hashes.content())) {
                changed++;
            } else if (servedHashes.layout().equals(hashes.layout())) {
                continue;
            }
            // An essay that only moved within its file is rewritten with its new offsets but counts as unchanged.
            toWrite.add(new StagedEssay(UUID.randomUUID(), essay, corpus.digestOf(essay), hashes, essayPassages,
                    IndexWriter.newIds(essayPassages.size())));
        }
        Set<String> removed = new LinkedHashSet<>(served.keySet());
        corpus.essays().forEach(e -> removed.remove(e.id()));
        int total = passages.values().stream().mapToInt(List::size).sum();
        return new Plan(toWrite, removed, added, changed, corpus.essays().size() - added - changed, total,
                corpus.skipped(), corpus.digests());
    }

    /**
     * Writes the staged essays in groups of about {@code embeddingGroup} passages to embed: one model call
     * per group keeps the model's batches full (texts of similar length padded together) even when essays are
     * short, and each group is stored before the next starts, so a failed run leaves its vectors for the next.
     */
    private int stage(List<StagedEssay> toWrite, Map<String, float[]> known, EmbeddingModel embedder,
            ReindexListener listener) {
        Progress progress = new Progress();
        List<StagedEssay> group = new ArrayList<>();
        Map<String, Passage.Window> missing = new LinkedHashMap<>();
        for (StagedEssay essay : toWrite) {
            group.add(essay);
            essay.passages().stream().flatMap(p -> p.windows().stream()).forEach(window -> {
                String hash = textHash(window.embeddingText());
                if (!known.containsKey(hash)) {
                    missing.putIfAbsent(hash, window);
                }
            });
            if (missing.size() >= embeddingGroup) {
                writeGroup(group, missing, known, embedder, progress, listener);
            }
        }
        writeGroup(group, missing, known, embedder, progress, listener);
        return progress.embedded;
    }

    private void writeGroup(List<StagedEssay> group, Map<String, Passage.Window> missing, Map<String, float[]> known,
            EmbeddingModel embedder, Progress progress, ReindexListener listener) {
        if (!missing.isEmpty()) {
            List<String> hashes = new ArrayList<>(missing.keySet());
            var vectors = embedder.embedAll(missing.values().stream()
                    .map(window -> TextSegment.from(window.embeddingText())).toList()).content();
            for (int i = 0; i < hashes.size(); i++) {
                known.put(hashes.get(i), vectors.get(i).vector());
            }
            progress.embedded += missing.size();
            progress.tokens += missing.values().stream().mapToLong(w -> w.tokens() + 2).sum();
        }
        for (StagedEssay essay : group) {
            index.writer().stage(essay);
            List<PassageVectors.Entry> entries = new ArrayList<>();
            for (int i = 0; i < essay.passages().size(); i++) {
                for (Passage.Window window : essay.passages().get(i).windows()) {
                    String hash = textHash(window.embeddingText());
                    entries.add(new PassageVectors.Entry(essay.passageIds().get(i), essay.versionId(),
                            window.embeddingText(), hash, known.get(hash)));
                }
            }
            index.vectors().add(entries);
            progress.essays++;
            listener.progressed(progress.essays, progress.embedded, progress.tokens);
        }
        group.clear();
        missing.clear();
    }

    /** Counters of one run. */
    private static final class Progress {
        int essays;
        int embedded;
        long tokens;
    }

    /** The stored vectors the windows of {@code toWrite} can reuse: none for a full rebuild. */
    private Map<String, float[]> knownVectors(List<StagedEssay> toWrite, boolean full) {
        return full ? new HashMap<>() : index.vectors().findByTextHash(
                windows(toWrite).map(w -> textHash(w.embeddingText())).distinct().toList());
    }

    /** The text hashes of the windows that {@link #stage} embeds: those without a {@code known} vector. */
    private Set<String> missing(List<StagedEssay> toWrite, Map<String, float[]> known) {
        Set<String> missing = new HashSet<>();
        windows(toWrite).map(w -> textHash(w.embeddingText())).filter(hash -> !known.containsKey(hash))
                .forEach(missing::add);
        return missing;
    }

    private static Stream<Passage.Window> windows(List<StagedEssay> essays) {
        return essays.stream().flatMap(e -> e.passages().stream()).flatMap(p -> p.windows().stream());
    }

    private String textHash(String embeddingText) {
        return Hashes.sha256(index.expectedManifest().embeddingModel() + "\n" + embeddingText);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
