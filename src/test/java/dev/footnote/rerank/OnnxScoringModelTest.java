package dev.footnote.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.scoring.ScoringModel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The in-process cross-encoder, with a tiny real ONNX model built by the test. A Quarkus test, because the
 * tokenizer's native library loads in one class loader per run, and the application's is that one.
 */
@QuarkusTest
class OnnxScoringModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "Why does the sourdough starter need feeding every day?";
    private static final List<TextSegment> PASSAGES = List.of(
            TextSegment.from("The museum opens at nine and closes at five."),
            TextSegment.from("Feeding the sourdough starter every day keeps the yeast active."),
            TextSegment.from("A starter is flour and water."));

    @Test
    void should_score_pairs_with_an_onnx_cross_encoder_at_the_configured_path(@TempDir Path folder) throws Exception {
        TinyCrossEncoder.ModelFiles files = TinyCrossEncoder.writeTo(folder);
        ScoringModel model = ScoringModels.create(RerankSettings.onnx(files.model(), files.tokenizer()), JSON,
                RerankSettings::noReader)
                .orElseThrow();

        List<Double> scores = model.scoreAll(PASSAGES, QUESTION).content();

        // the tiny model counts shared word pieces: the passage about feeding the starter shares the most
        assertThat(scores).hasSize(3);
        assertThat(scores.get(1)).isGreaterThan(scores.get(2)).isGreaterThan(scores.get(0));
        ((AutoCloseable) model).close();
    }

}
