package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.ScratchIndex;
import dev.footnote.TestCorpus;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.index.Index;
import dev.footnote.index.ReindexListener;
import dev.footnote.index.ReindexOptions;
import dev.footnote.passage.PassageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two servers on one database, as replicas behind a load balancer are: one reindexes an essay back and forth
 * between two versions while the other searches. Every passage the searching one returns is a whole passage of
 * one version, its span exact in that version's file: never half of an essay, never offsets of the other version.
 */
@QuarkusTest
class ServingWhileReindexingTest {

    private static final String FILE = "category.txt";
    private static final String QUESTION = "useful insight from Stanford about reasoning behaviors";

    @Inject
    OnnxEncoder encoder;

    @Inject
    PassageSettings settings;

    @Inject
    Embeddings embeddings;

    @Inject
    FootnoteConfig config;

    @TempDir
    Path corpus;

    @Test
    void should_answer_from_one_whole_version_while_another_server_reindexes() throws Exception {
        String before = TestCorpus.read(TestCorpus.CATEGORY);
        String after = "Category: Added above\n\n" + before.replace("Very useful insight in this paper out of "
                + "Stanford.", "A very useful insight, written again, from Stanford.");
        assertThat(after).isNotEqualTo(before);
        Files.writeString(corpus.resolve(FILE), before);
        Index reindexing = ScratchIndex.freshIndex(encoder, settings);
        reindexing.reindex(ReindexOptions.incremental(corpus), ReindexListener.SILENT);
        Index serving = new Index(reindexing.dataSource(), encoder, settings);
        PassageSearch search = new PassageSearch(serving, embeddings, Reranker.none(), config,
                new SimpleMeterRegistry());

        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Integer> reindexes = CompletableFuture.supplyAsync(() -> {
            int runs = 0;
            try {
                for (; runs < 4; runs++) {
                    Files.writeString(corpus.resolve(FILE), runs % 2 == 0 ? after : before);
                    reindexing.reindex(ReindexOptions.incremental(corpus), ReindexListener.SILENT);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                done.set(true);
            }
            return runs;
        });

        int searches = 0;
        while (!done.get() || searches == 0) {
            List<PassageHit> hits = search.search(new PassageQuery(QUESTION, 5, Optional.empty(), Optional.empty()));
            assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(
                    slices(before, hit) || slices(after, hit)).as("an exact span of one version").isTrue());
            searches++;
        }
        assertThat(reindexes.get(5, TimeUnit.MINUTES)).isEqualTo(4);
        assertThat(searches).isPositive();
    }

    private static boolean slices(String file, PassageHit hit) {
        return hit.end() <= file.length() && file.substring(hit.start(), hit.end()).equals(hit.text());
    }
}
