package dev.footnote.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.ScratchIndex;
import dev.footnote.TestCorpus;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.passage.PassageSettings;
import io.quarkus.test.junit.QuarkusTest;

/** While the first build fills an empty index, readers hear how far it has got instead of an empty answer. */
@QuarkusTest
class FirstBuildTest {

    @Inject
    OnnxEncoder encoder;

    @Inject
    PassageSettings settings;

    @Test
    void should_say_how_far_the_first_build_has_got_until_the_index_is_served(@TempDir Path corpus)
            throws Exception {
        Files.writeString(corpus.resolve("category.txt"), TestCorpus.read(TestCorpus.CATEGORY));
        Index index = ScratchIndex.freshIndex(encoder, settings);
        CountDownLatch firstEssayWritten = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        ReindexListener pausing = new ReindexListener() {
            @Override
            public void progressed(int essayVersions, int embedded, long tokens) {
                if (essayVersions == 1) {
                    firstEssayWritten.countDown();
                    await(goOn);
                }
            }
        };

        CompletableFuture<ReindexSummary> build = CompletableFuture.supplyAsync(
                () -> index.reindex(ReindexOptions.incremental(corpus), pausing));
        assertThat(firstEssayWritten.await(60, TimeUnit.SECONDS)).isTrue();

        // mid-build: nothing is served yet, and readers are told so with the progress
        assertThatThrownBy(index::requireServing).isInstanceOfSatisfying(IndexBuildingException.class, e -> {
            assertThat(e.essaysDone()).isEqualTo(1);
            assertThat(e.essaysTotal()).isGreaterThan(1);
            assertThat(e.getMessage()).isEqualTo("Footnote is indexing the essays (1 of " + e.essaysTotal()
                    + "); try again in a few seconds");
        });

        // a server on the same database, while another process runs the first build: its searches find
        // nothing, and the empty index is reported as being filled rather than as essays about nothing
        Index sameIndexElsewhere = new Index(index.dataSource(), encoder, settings);
        assertThatCode(sameIndexElsewhere::requireServing).doesNotThrowAnyException();
        assertThatThrownBy(sameIndexElsewhere::requireNotBeingFilled).isInstanceOfSatisfying(
                IndexBuildingException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Footnote is indexing the essays; try again in a few seconds"));

        goOn.countDown();
        ReindexSummary summary = build.get(120, TimeUnit.SECONDS);
        assertThat(summary.added()).isGreaterThan(1);
        assertThatCode(index::requireServing).doesNotThrowAnyException();
        assertThatCode(sameIndexElsewhere::requireNotBeingFilled).doesNotThrowAnyException();
        assertThat(index.isEmpty()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
