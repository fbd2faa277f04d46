package dev.footnote.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class EvidenceModelTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void should_ship_a_model_fitted_on_the_features_the_code_computes() {
        EvidenceModel model = EvidenceModel.load(Optional.empty(), json);

        assertThat(model.sentence().features()).isEqualTo(EvidenceFeatures.SENTENCE);
        assertThat(model.answerable().features()).isEqualTo(EvidenceFeatures.QUESTION);
        assertThat(model.refusalThreshold()).isBetween(0.0, 1.0);
        assertThat(model.fittedOn()).contains("tune.jsonl").doesNotContain("holdout");
    }

    @Test
    void should_refuse_a_model_file_fitted_on_other_features(@TempDir Path folder) throws Exception {
        EvidenceModel shipped = EvidenceModel.load(Optional.empty(), json);
        Logistic other = new Logistic(java.util.List.of("something_else"), new double[] {0}, new double[] {1},
                new double[] {1}, 0);
        Path file = folder.resolve("model.json");
        Files.writeString(file, json.writeValueAsString(new EvidenceModel(other, shipped.answerable(), 0.1, 0.03, "x")));

        assertThatThrownBy(() -> EvidenceModel.load(Optional.of(file), json))
                .hasMessageContaining("run calibrate again");
    }
}
