package dev.footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footnote.TestCorpus;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MiniLmEncoderTest {

    @Inject
    MiniLmEncoder encoder;

    @Test
    void should_embed_exactly_like_langchain4j_one_text_at_a_time() {
        // given texts of very different lengths, so that batches need padding
        String essay = TestCorpus.read(TestCorpus.FEED_1);
        List<String> texts = List.of("centaur chess", essay.substring(200, 260), essay.substring(1000, 1400),
                "Who wrote about code review?", essay.substring(5000, 5500));
        var reference = new AllMiniLmL6V2EmbeddingModel();
        // when
        List<float[]> batched = encoder.embed(texts);
        // then
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(texts.get(i)).content().vector();
            assertThat(cosine(batched.get(i), expected)).as(texts.get(i)).isGreaterThan(0.9999);
        }
    }

    @Test
    void should_count_word_pieces_without_special_tokens() {
        assertThat(encoder.countTokens("hello world")).isEqualTo(2);
        assertThat(encoder.countTokens("Tokenization")).isGreaterThan(1);
        assertThat(encoder.maxTextTokens()).isEqualTo(126);
    }

    @Test
    void should_return_unit_vectors_of_the_model_dimension() {
        float[] vector = encoder.embed(List.of("A short question.")).get(0);
        assertThat(vector).hasSize(384);
        assertThat(cosine(vector, vector)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
