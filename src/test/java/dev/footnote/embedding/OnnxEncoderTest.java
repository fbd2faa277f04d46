package dev.footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.footnote.ModelTests;
import dev.footnote.TestCorpus;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** The encoder the application runs by default: all-MiniLM-L6-v2. */
@Tag(ModelTests.TAG)
class OnnxEncoderTest {

    private final OnnxEncoder encoder = ModelTests.encoder();

    @Test
    void should_run_all_minilm_l6_v2_by_default() {
        assertThat(encoder.model()).isEqualTo(EncoderModel.ALL_MINILM_L6_V2);
        assertThat(encoder.modelName()).isEqualTo("all-MiniLM-L6-v2");
    }

    @Test
    void should_embed_exactly_like_langchain4j_one_text_at_a_time() {
        // given texts of very different lengths, so that batches need padding
        String essay = TestCorpus.read(TestCorpus.FEED_1);
        List<String> texts = List.of("centaur chess", essay.substring(200, 260), essay.substring(1000, 1400),
                "Who wrote about code review?", essay.substring(5000, 5500));
        var reference = new AllMiniLmL6V2EmbeddingModel();
        // when
        List<float[]> batched = encoder.encode(Role.PASSAGE, texts);
        // then
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(texts.get(i)).content().vector();
            assertThat(Vectors.cosine(batched.get(i), expected)).as(texts.get(i)).isGreaterThan(0.9999);
        }
    }

    @Test
    void should_embed_questions_and_passages_alike_without_prefixes() {
        String text = "Who wrote about code review?";
        assertThat(encoder.encode(Role.QUERY, List.of(text)).get(0)).containsExactly(encoder.encode(Role.PASSAGE, List.of(text)).get(0));
    }

    @Test
    void should_count_word_pieces_without_special_tokens() {
        assertThat(encoder.estimateTokenCountInText("hello world")).isEqualTo(2);
        assertThat(encoder.estimateTokenCountInText("Tokenization")).isGreaterThan(1);
        assertThat(encoder.maxTextTokens()).isEqualTo(126);
    }

    @Test
    void should_return_unit_vectors_of_the_model_dimension() {
        float[] vector = encoder.encode(Role.QUERY, List.of("A short question.")).get(0);
        assertThat(vector).hasSize(384);
        assertThat(Vectors.cosine(vector, vector)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void should_wait_for_a_call_in_progress_when_closed_and_refuse_calls_after() throws Exception {
        OnnxEncoder closing = new OnnxEncoder(EncoderModel.ALL_MINILM_L6_V2, 8, 1);
        List<String> texts = Collections.nCopies(64, TestCorpus.read(TestCorpus.FEED_1).substring(0, 600));
        var embedding = CompletableFuture.supplyAsync(() -> closing.encode(Role.PASSAGE, texts));
        while (!embedding.isDone() && !closing.isBusy()) {
            Thread.onSpinWait();
        }
        closing.close(); // during the call: it finishes first, instead of crashing the JVM in native code

        assertThat(embedding.get()).hasSize(64).allSatisfy(vector -> assertThat(vector).hasSize(384));
        assertThatThrownBy(() -> closing.encode(Role.QUERY, List.of("after closing")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shutting down");
        closing.close(); // twice is harmless
    }
}
