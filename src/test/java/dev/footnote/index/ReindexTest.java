package dev.footnote.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.ScratchIndex;
import dev.footnote.TestCorpus;
import dev.footnote.corpus.CorpusLocation;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.embedding.Role;
import dev.footnote.passage.PassageSettings;
import dev.footnote.text.Hashes;
import dev.footnote.verify.CitationVerifier;
import dev.footnote.verify.CitedQuote;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.quarkus.test.junit.QuarkusTest;

/** Reindexing small temporary corpora into a scratch database. */
@QuarkusTest
class ReindexTest {

    private static final String CATEGORY = "category.txt";
    private static final String FEED = "feed.txt";
    private static final String REASONING = "Useful Reasoning Behaviors";

    @Inject
    OnnxEncoder encoder;

    @Inject
    PassageSettings settings;

    @TempDir
    Path corpus;

    private Index index;
    private CountingEmbedder embedder;

    @BeforeEach
    void indexSmallCorpus() throws IOException {
        Files.writeString(corpus.resolve(CATEGORY), TestCorpus.read(TestCorpus.CATEGORY));
        Files.writeString(corpus.resolve(FEED), shortFeedPage());
        index = ScratchIndex.freshIndex(encoder, settings);
        embedder = new CountingEmbedder(encoder.embeddingModel(Role.PASSAGE));
        ReindexSummary first = reindex(false);
        assertThat(first.added()).isEqualTo(7);
        // every passage is embedded as one or more windows
        assertThat(first.embedded()).isEqualTo(embedder.texts.get()).isGreaterThanOrEqualTo(first.passages());
        embedder.texts.set(0);
    }

    @Test
    void should_skip_unchanged_essays_on_reindex() {
        ReindexSummary summary = reindex(false);
        assertThat(summary.unchanged()).isEqualTo(7);
        assertThat(summary.added() + summary.changed() + summary.removed()).isZero();
        assertThat(summary.embedded()).isZero();
        assertThat(embedder.texts.get()).isZero();
        assertThat(summary.line()).matches("essays: 0 added, 0 changed, 0 removed, 7 unchanged; passages: \\d+; "
                + "embedded: 0; took \\d+\\.\\d s");
    }

    @Test
    void should_embed_only_the_passages_of_a_changed_essay() throws IOException {
        // given
        Map<String, Integer> passagesBefore = passageCounts();
        edit(CATEGORY, "Very useful insight in this paper out of Stanford.", "A very useful insight from Stanford.");
        // when
        ReindexSummary summary = reindex(false);
        // then
        assertThat(summary.changed()).isEqualTo(1);
        assertThat(summary.unchanged()).isEqualTo(6);
        assertThat(embedder.texts.get()).isEqualTo(summary.embedded()).isPositive()
                .isLessThanOrEqualTo(passagesBefore.get(REASONING));
        assertThat(essayBody(REASONING)).contains("A very useful insight from Stanford.");
    }

    @Test
    void should_count_essays_that_only_moved_as_unchanged_and_update_their_offsets() throws IOException {
        // given a new post above the others, as feed pages do
        String feed = Files.readString(corpus.resolve(FEED));
        Files.writeString(corpus.resolve(FEED), feed.replace("Latest Posts (3 found)\n", "Latest Posts (4 found)\n"
                + "Jane Doe 1 hours ago\n\nA brand new post\n\nThis post is new. It pushes the others down.\n\n0 views\n"));
        // when
        ReindexSummary summary = reindex(false);
        // then
        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.unchanged()).isEqualTo(7);
        assertThat(summary.embedded()).isEqualTo(embedder.texts.get()).isEqualTo(1);
        String file = Files.readString(corpus.resolve(FEED));
        List<String> mismatches = Sql.query(index.dataSource(), "SELECT p.start_offset, p.end_offset, p.text "
                + "FROM passage p JOIN essay e USING (version_id) WHERE p.source = 'feed.txt'",
                rs -> file.substring(rs.getInt(1), rs.getInt(2)).equals(rs.getString(3)) ? null : rs.getString(3));
        assertThat(mismatches).hasSize(4).containsOnlyNulls();
    }

    @Test
    void should_announce_in_its_plan_the_counts_that_its_summary_reports() throws IOException {
        // given a changed essay, and a new post above the three of the feed page: the essays after each move
        edit(CATEGORY, "Very useful insight in this paper out of Stanford.", "A very useful insight from Stanford.");
        String feed = Files.readString(corpus.resolve(FEED));
        Files.writeString(corpus.resolve(FEED), feed.replace("Latest Posts (3 found)\n", "Latest Posts (4 found)\n"
                + "Jane Doe 1 hours ago\n\nA brand new post\n\nThis post is new. It pushes the others down.\n\n0 views\n"));
        List<ReindexSummary> plans = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        List<Integer> embeddedSoFar = new ArrayList<>();
        // when
        ReindexSummary summary = new Reindexer(index, 8).reindex(ReindexOptions.incremental(corpus), embedder,
                new ReindexListener() {
                    @Override
                    public void planned(ReindexSummary plan, int essayVersions) {
                        plans.add(plan);
                        versions.add(essayVersions);
                    }

                    @Override
                    public void progressed(int essayVersions, int embedded, long tokens) {
                        embeddedSoFar.add(embedded);
                    }
                });
        // then the plan says what the summary says, to the number, and progress counts up to it
        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.changed()).isEqualTo(1);
        assertThat(summary.unchanged()).isEqualTo(6);
        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.counts()).isEqualTo(summary.counts());
            assertThat(plan.embedded()).isEqualTo(summary.embedded()).isEqualTo(embedder.texts.get()).isPositive();
        });
        // all eight essays are written: the new one, the changed one, and six that moved within their files
        assertThat(versions).containsExactly(8);
        assertThat(embeddedSoFar).hasSize(8).isSorted().last().isEqualTo(summary.embedded());
    }

    @Test
    void should_delete_the_passages_of_a_removed_essay() throws IOException {
        // given
        Files.delete(corpus.resolve(FEED));
        // when
        ReindexSummary summary = reindex(false);
        // then
        assertThat(summary.removed()).isEqualTo(3);
        assertThat(index.essays()).hasSize(4);
        assertThat(rowCount("passage")).isEqualTo(index.passageCount());
        assertVectorsBelongExactlyToServedPassages();
        assertThat(rowCount("essay_version")).isEqualTo(4);
    }

    @Test
    void should_change_nothing_on_a_dry_run() throws IOException {
        // given
        edit(CATEGORY, "Very useful insight in this paper out of Stanford.", "A very useful insight from Stanford.");
        Files.delete(corpus.resolve(FEED));
        // when
        ReindexSummary summary = index.reindexer().reindex(new ReindexOptions(corpus, false, true), embedder,
                ReindexListener.SILENT);
        // then
        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.changed()).isEqualTo(1);
        assertThat(summary.removed()).isEqualTo(3);
        assertThat(summary.embedded()).isPositive();
        assertThat(embedder.texts.get()).isZero();
        assertThat(index.essays()).hasSize(7);
        assertThat(essayBody(REASONING)).contains("Very useful insight in this paper out of Stanford.");
    }

    @Test
    void should_keep_serving_the_old_index_when_a_reindex_fails_halfway() throws IOException {
        // given two changed essays, and a model that fails once the first group of passages is stored
        edit(CATEGORY, "Very useful insight in this paper out of Stanford.", "A very useful insight from Stanford.");
        edit(CATEGORY, "A question I’ve been asked recently", "A question people keep asking me");
        int passages = index.passageCount();
        int vectors = rowCount("passage_embedding");
        EmbeddingModel failing = new FailingEmbedder(encoder.embeddingModel(Role.PASSAGE), 1);
        // when a full rebuild, embedding 16 passages per call, fails halfway
        assertThatThrownBy(() -> new Reindexer(index, 16).reindex(new ReindexOptions(corpus, true, false), failing,
                ReindexListener.SILENT)).hasMessageContaining("model server fell over");
        assertThat(rowCount("passage_embedding")).as("vectors staged before the failure")
                .isGreaterThan(vectors);
        // then the old index answers, whole
        assertThat(index.passageCount()).isEqualTo(passages);
        assertThat(essayBody(REASONING)).contains("Very useful insight in this paper out of Stanford.");
        assertThat(index.essays()).hasSize(7);
        // and the next run completes
        ReindexSummary next = reindex(false);
        assertThat(next.changed()).isEqualTo(2);
        assertThat(essayBody(REASONING)).contains("A very useful insight from Stanford.");
        assertThat(essayBody("Engineering Culture at Meta")).contains("A question people keep asking me");
        assertVectorsBelongExactlyToServedPassages();
        assertThat(rowCount("essay_version")).isEqualTo(7);
    }

    @Test
    void should_serve_whole_essays_while_a_reindex_is_writing() throws IOException {
        // given
        edit(CATEGORY, "Very useful insight in this paper out of Stanford.", "A very useful insight from Stanford.");
        edit(CATEGORY, "A question I’ve been asked recently", "A question people keep asking me");
        int passages = index.passageCount();
        List<String> seenMidway = new ArrayList<>();
        // when a reader looks after each staged essay
        new Reindexer(index, 8).reindex(ReindexOptions.incremental(corpus), encoder.embeddingModel(Role.PASSAGE), new ReindexListener() {
            @Override
            public void progressed(int essayVersions, int embedded, long tokens) {
                seenMidway.add(index.passageCount() + "/" + essayBody(REASONING).contains("from Stanford."));
            }
        });
        // then it saw the old index every time
        assertThat(seenMidway).isNotEmpty().containsOnly(passages + "/false");
        assertThat(essayBody(REASONING)).contains("from Stanford.");
    }

    @Test
    void should_refuse_a_second_reindex_while_one_runs() {
        try (ReindexLock running = ReindexLock.acquire(index.dataSource())) {
            assertThatThrownBy(() -> reindex(false)).isInstanceOf(IndexException.class)
                    .hasMessageContaining("another reindex");
        }
        assertThat(reindex(false).unchanged()).isEqualTo(7);
    }

    @Test
    void should_refuse_an_index_built_with_other_passage_settings_until_a_full_rebuild() {
        // given
        Index other = new Index(index.dataSource(), encoder, new PassageSettings(60, 60, 20));
        // then
        assertThatThrownBy(other::requireCompatible).isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("reindex --full");
        assertThatThrownBy(() -> other.reindexer().reindex(ReindexOptions.incremental(corpus), embedder,
                ReindexListener.SILENT)).isInstanceOf(IndexMismatchException.class);
        // when
        ReindexSummary full = other.reindexer().reindex(new ReindexOptions(corpus, true, false), embedder,
                ReindexListener.SILENT);
        // then
        assertThat(full.changed()).isEqualTo(7);
        assertThat(full.embedded()).isGreaterThanOrEqualTo(full.passages());
        other.requireCompatible();
        assertThatThrownBy(index::requireCompatible).isInstanceOf(IndexMismatchException.class);
    }

    @Test
    void should_refuse_a_run_that_would_remove_most_essays_unless_removals_are_allowed() throws IOException {
        // given a corpus folder that lost the file holding four of the seven essays, as a mistyped --corpus would
        Files.delete(corpus.resolve(CATEGORY));
        // then
        assertThatThrownBy(() -> reindex(false)).isInstanceOf(ReindexConflictException.class)
                .hasMessageStartingWith("this reindex would remove 4 of the 7 indexed essays")
                .hasMessageContaining("--allow-removals");
        assertThat(index.essays()).hasSize(7);
        // when allowed
        ReindexSummary allowed = index.reindexer().reindex(new ReindexOptions(corpus, false, false, true), embedder,
                ReindexListener.SILENT);
        // then
        assertThat(allowed.removed()).isEqualTo(4);
        assertThat(index.essays()).hasSize(3);
    }

    @Test
    void should_refuse_to_empty_the_index_from_an_empty_folder(@TempDir Path empty) {
        assertThatThrownBy(() -> index.reindex(ReindexOptions.incremental(empty), ReindexListener.SILENT))
                .isInstanceOf(IndexException.class).hasMessageContaining("refusing to remove all 7 essays");
        assertThat(index.essays()).hasSize(7);
    }

    @Test
    void should_tell_a_reindex_with_nothing_to_do_from_the_file_digests_alone() throws IOException {
        // every file as recorded: no essay is read, cut or compared, and the counts are the served ones
        AtomicInteger plans = new AtomicInteger();
        ReindexListener planning = new ReindexListener() {
            @Override
            public void planned(ReindexSummary plan, int essayVersions) {
                plans.incrementAndGet();
            }
        };
        ReindexSummary unchanged = index.reindexer().reindex(new ReindexOptions(corpus, false, false), embedder,
                planning);
        assertThat(plans).hasValue(0);
        assertThat(unchanged.unchanged()).isEqualTo(7);
        assertThat(unchanged.passages()).isEqualTo(index.passageCount());

        // digests recorded under other reading rules prove nothing: the files are read again
        Sql.inTransaction(index.dataSource(), connection -> connection.createStatement()
                .executeUpdate("UPDATE corpus_file SET reading_rules = reading_rules - 1"));
        index.reindexer().reindex(new ReindexOptions(corpus, false, false), embedder, planning);
        assertThat(plans).hasValue(1);

        // one changed byte anywhere, and the corpus is read and compared as usual
        Files.writeString(corpus.resolve(FEED), Files.readString(corpus.resolve(FEED)) + " ");
        ReindexSummary changed = index.reindexer().reindex(new ReindexOptions(corpus, false, false), embedder,
                planning);
        assertThat(plans).hasValue(2);
        assertThat(changed.unchanged()).isEqualTo(7);
        assertThat(Sql.query(index.dataSource(), "SELECT sha256 FROM corpus_file WHERE source = ?",
                rs -> rs.getString(1), FEED))
                .containsExactly(Hashes.sha256Hex(Files.readAllBytes(corpus.resolve(FEED))));
    }

    /** verify checks quotes against the files the answers were cited from: the folder the index was read from. */
    @Test
    void should_record_the_folder_the_index_was_read_from(@TempDir Path copy) throws IOException {
        assertThat(index.corpusFolder()).contains(corpus.toAbsolutePath().normalize());
        for (String name : List.of(CATEGORY, FEED)) {
            Files.copy(corpus.resolve(name), copy.resolve(name));
        }
        // the same files in another folder: nothing to change, and the other folder is the one now served
        index.reindexer().reindex(new ReindexOptions(copy, false, false), embedder, new ReindexListener() {
        });
        assertThat(index.corpusFolder()).contains(copy.toAbsolutePath().normalize());

        String sentence = "A sentence only the copy holds.";
        Files.writeString(copy.resolve(FEED), Files.readString(copy.resolve(FEED)) + "\n" + sentence + "\n");
        int at = Files.readString(copy.resolve(FEED)).indexOf(sentence);
        CitedQuote cited = new CitedQuote(1, sentence, null, FEED, at, at + sentence.length(), null);
        CitationVerifier verifier = new CitationVerifier(new CorpusLocation(corpus), index);
        assertThat(verifier.verify(List.of(cited)).exact()).isEqualTo(1);
        assertThat(verifier.verify(List.of(cited), corpus).changed()).isEqualTo(1);
    }

    @Test
    void should_keep_the_keyword_statistics_equal_to_a_recount_across_reindexes() throws IOException {
        assertThat(keywordStatistics()).isEqualTo(recountedKeywordStatistics()).isNotEmpty();

        // a changed essay, a new one above the others, and a removed file
        edit(CATEGORY, "Very useful insight in this paper out of Stanford.", "Zebras graze in Stanford meadows.");
        String feed = Files.readString(corpus.resolve(FEED));
        Files.writeString(corpus.resolve(FEED), feed.replace("Latest Posts (3 found)\n", "Latest Posts (4 found)\n"
                + "Jane Doe 1 hours ago\n\nQuokkas\n\nQuokkas smile at tourists.\n\n0 views\n"));
        reindex(false);
        Map<String, Integer> afterChanges = keywordStatistics();
        assertThat(afterChanges).isEqualTo(recountedKeywordStatistics()).containsKeys("zebra", "quokka");

        Files.delete(corpus.resolve(FEED));
        reindex(false);
        assertThat(keywordStatistics()).isEqualTo(recountedKeywordStatistics()).doesNotContainKey("quokka");

        reindex(true);
        assertThat(keywordStatistics()).isEqualTo(recountedKeywordStatistics());
    }

    /** The statistics reindex keeps: each lexeme's passage count, and the passages under the empty key. */
    private Map<String, Integer> keywordStatistics() {
        Map<String, Integer> stats = new HashMap<>();
        Sql.query(index.dataSource(), "SELECT lexeme, passages FROM term_stats",
                rs -> stats.put(rs.getString(1), rs.getInt(2)));
        stats.put("", Sql.query(index.dataSource(), "SELECT passages FROM passage_stats", rs -> rs.getInt(1)).get(0));
        return stats;
    }

    /** The same, counted from what is served. */
    private Map<String, Integer> recountedKeywordStatistics() {
        Map<String, Integer> stats = new HashMap<>();
        Sql.query(index.dataSource(), "SELECT lexeme, count(*) FROM served_passage p, "
                + "unnest(tsvector_to_array(p.search_vector)) AS lexeme GROUP BY lexeme",
                rs -> stats.put(rs.getString(1), rs.getInt(2)));
        stats.put("", index.passageCount());
        return stats;
    }

    private ReindexSummary reindex(boolean full) {
        return index.reindexer().reindex(new ReindexOptions(corpus, full, false), embedder, ReindexListener.SILENT);
    }

    private void edit(String file, String from, String to) throws IOException {
        String text = Files.readString(corpus.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(corpus.resolve(file), text.replace(from, to));
    }

    private String essayBody(String title) {
        return index.essayTexts().stream().filter(e -> e.essay().title().equals(title)).findFirst().orElseThrow()
                .body();
    }

    private Map<String, Integer> passageCounts() {
        return index.essays().stream().collect(Collectors.toMap(EssayRecord::title, EssayRecord::passages));
    }

    /** Every served passage has its window vectors, and no vector is left of a passage no longer served. */
    private void assertVectorsBelongExactlyToServedPassages() {
        String served = "SELECT p.passage_id FROM passage p JOIN essay e USING (version_id)";
        assertThat(Sql.query(index.dataSource(), "SELECT count(*) FROM passage_embedding WHERE passage_id NOT IN ("
                + served + ")", rs -> rs.getInt(1)).get(0)).isZero();
        assertThat(Sql.query(index.dataSource(), "SELECT count(*) FROM (" + served + ") s WHERE NOT EXISTS "
                + "(SELECT 1 FROM passage_embedding pe WHERE pe.passage_id = s.passage_id)", rs -> rs.getInt(1)).get(0))
                .isZero();
    }

    private int rowCount(String table) {
        return Sql.query(index.dataSource(), "SELECT count(*) FROM " + table, rs -> rs.getInt(1)).get(0);
    }

    /** Three short posts from the first feed page, laid out as a feed page of their own. */
    static String shortFeedPage() {
        List<String> lines = TestCorpus.read(TestCorpus.FEED_1).lines().toList();
        return "Latest Posts (3 found)\n" + String.join("\n", lines.subList(78, 99)) + "\n";
    }

    static final class CountingEmbedder implements EmbeddingModel {
        final AtomicInteger texts = new AtomicInteger();
        private final EmbeddingModel delegate;

        CountingEmbedder(EmbeddingModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> batch) {
            texts.addAndGet(batch.size());
            return delegate.embedAll(batch);
        }
    }

    static final class FailingEmbedder implements EmbeddingModel {
        private final EmbeddingModel delegate;
        private int callsLeft;

        FailingEmbedder(EmbeddingModel delegate, int successfulCalls) {
            this.delegate = delegate;
            this.callsLeft = successfulCalls;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> batch) {
            if (callsLeft-- <= 0) {
                throw new IllegalStateException("model server fell over");
            }
            return delegate.embedAll(batch);
        }
    }
}
