package dev.footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.ModelTests;

/**
 * The reader shipped in the jar reads as the training script's model does: its vectors for a few fixed
 * sentences, written by {@code src/train/reader/reference_vectors.py} from the trained weights in PyTorch, match
 * within the rounding its int8 weights allow, and it ranks them as PyTorch does.
 */
@Tag(ModelTests.TAG)
class ShippedReaderTest {

    /** int8 weights move a vector by less than this from the float model's (measured: above 0.998). */
    private static final double MIN_COSINE = 0.995;

    private static OnnxEncoder reader;

    @BeforeAll
    static void load() {
        reader = new OnnxEncoder(EncoderModel.FOOTNOTE_READER, 8, 1);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void should_give_the_vectors_of_the_training_script_for_fixed_sentences() throws Exception {
        List<String> texts = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        try (InputStream in = ShippedReaderTest.class.getResourceAsStream("/reader/reference-vectors.json")) {
            for (JsonNode entry : new ObjectMapper().readTree(in).get("vectors")) {
                texts.add(entry.get("text").asText());
                float[] vector = new float[entry.get("vector").size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = (float) entry.get("vector").get(i).asDouble();
                }
                expected.add(vector);
            }
        }

        List<float[]> actual = reader.encode(Role.PASSAGE, texts);

        assertThat(texts).hasSize(5);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(actual.get(i)).hasSize(384);
            assertThat(Vectors.cosine(actual.get(i), expected.get(i))).as(texts.get(i)).isGreaterThan(MIN_COSINE);
        }
    }

    @Test
    void should_read_otherwise_than_the_model_it_was_trained_from() {
        List<String> texts = List.of("When was Firecracker first released?", "Susan Kare designed the card faces.");
        List<float[]> trained = reader.encode(Role.PASSAGE, texts);
        List<float[]> base;
        try (OnnxEncoder minilm = new OnnxEncoder(EncoderModel.ALL_MINILM_L6_V2, 8, 1)) {
            base = minilm.encode(Role.PASSAGE, texts);
        }

        for (int i = 0; i < texts.size(); i++) {
            assertThat(Vectors.cosine(trained.get(i), trained.get(i))).isCloseTo(1.0, within(1e-5));
            assertThat(Vectors.cosine(trained.get(i), base.get(i))).as(texts.get(i)).isLessThan(0.99);
        }
    }

    @Test
    void should_be_a_reader_not_a_retrieval_model() {
        assertThat(EncoderModel.ALL).doesNotContain(EncoderModel.FOOTNOTE_READER);
        assertThat(EncoderModel.reader("footnote-reader-1")).isEqualTo(EncoderModel.FOOTNOTE_READER);
    }
}
