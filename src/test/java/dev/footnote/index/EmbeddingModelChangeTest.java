package dev.footnote.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.ScratchIndex;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.EncoderModel;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.passage.PassageSettings;
import dev.footnote.search.PassageHit;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;
import dev.footnote.search.Reranker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** An index built with one embedding model, and a configuration that names another. */
@QuarkusTest
class EmbeddingModelChangeTest {

    @Inject
    OnnxEncoder minilm;

    @Inject
    PassageSettings settings;

    @Inject
    FootnoteConfig config;

    @TempDir
    Path corpus;

    private OnnxEncoder e5;
    private Index built;
    private Index reconfigured;

    @BeforeEach
    void indexThreePostsWithMiniLm() throws IOException {
        Files.writeString(corpus.resolve("feed.txt"), ReindexTest.shortFeedPage());
        built = ScratchIndex.freshIndex(minilm, settings);
        assertThat(reindex(built, false).added()).isEqualTo(3);
        e5 = new OnnxEncoder(EncoderModel.E5_SMALL_V2_Q, 8, 1);
        reconfigured = new Index(built.dataSource(), e5, settings);
    }

    @AfterEach
    void close() {
        e5.close();
    }

    @Test
    void should_refuse_to_serve_or_update_the_index_until_a_full_rebuild() {
        assertThatThrownBy(reconfigured::requireCompatible).isInstanceOf(IndexMismatchException.class)
                .hasMessageStartingWith("the index was built with all-MiniLM-L6-v2 (384 dimensions)")
                .hasMessageContaining("but this configuration uses e5-small-v2-q (384 dimensions)")
                .hasMessageEndingWith("run `reindex --full` to rebuild it");
        assertThatThrownBy(() -> reindex(reconfigured, false)).isInstanceOf(IndexMismatchException.class);
        assertThat(built.served().manifest()).map(IndexManifest::embeddingModel).contains("all-MiniLM-L6-v2");
    }

    @Test
    void should_serve_the_new_model_after_a_full_rebuild() {
        // when
        ReindexSummary full = reindex(reconfigured, true);
        // then
        assertThat(full.changed()).isEqualTo(3);
        assertThat(full.embedded()).isGreaterThanOrEqualTo(full.passages());
        reconfigured.requireCompatible();
        assertThat(reconfigured.served().manifest()).map(IndexManifest::embeddingModel).contains("e5-small-v2-q");
        assertThatThrownBy(built::requireCompatible).isInstanceOf(IndexMismatchException.class);
        assertThatThrownBy(built::requireServing).isInstanceOf(IndexMismatchException.class); // the read just taken
        List<PassageHit> hits = new PassageSearch(reconfigured, Embeddings.cached(reconfigured.encoder(), 100), Reranker.none(),
                config, new SimpleMeterRegistry()).search(new PassageQuery(
                "Which skill carries over to working with coding agents?", 3, Optional.empty(), Optional.empty()));
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).essay().title())
                .isEqualTo("If you are good at code review, you will be good at using AI agents");
    }

    private ReindexSummary reindex(Index index, boolean full) {
        return index.reindex(new ReindexOptions(corpus, full, false), ReindexListener.SILENT);
    }
}
