package dev.footnote.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.footnote.embedding.EncoderModel;

class EvidenceModelTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void should_ship_a_model_per_reader_fitted_on_the_features_the_code_computes_and_never_on_a_holdout() {
        EvidenceModel reader = EvidenceModel.load(Optional.empty(), EvidenceModel.RESOURCE, json);
        EvidenceModel embedding = EvidenceModel.load(Optional.empty(), EvidenceModel.EMBEDDING_RESOURCE, json);

        for (EvidenceModel model : List.of(reader, embedding)) {
            assertThat(model.sentence().features()).isEqualTo(EvidenceFeatures.SENTENCE);
            assertThat(model.answerable().features()).isEqualTo(EvidenceFeatures.QUESTION);
            assertThat(model.refusalThreshold()).isBetween(0.0, 1.0);
            assertThat(model.fittedOn()).doesNotContain("holdout");
        }
        assertThat(reader.reader()).isEqualTo(EncoderModel.FOOTNOTE_READER.name());
        assertThat(embedding.readsWithEmbedding()).isTrue();
    }

    @Test
    void should_read_a_model_file_without_a_reader_as_one_fitted_on_the_embedding(@TempDir Path folder)
            throws Exception {
        Path file = folder.resolve("model.json");
        ObjectNode older = (ObjectNode) json.readTree(json.writeValueAsString(
                EvidenceModel.load(Optional.empty(), EvidenceModel.RESOURCE, json)));
        older.remove("reader");
        Files.writeString(file, older.toString());

        assertThat(EvidenceModel.load(Optional.of(file), EvidenceModel.RESOURCE, json).readsWithEmbedding()).isTrue();
    }

    @Test
    void should_refuse_a_model_file_fitted_on_other_features(@TempDir Path folder) throws Exception {
        EvidenceModel shipped = EvidenceModel.load(Optional.empty(), EvidenceModel.RESOURCE, json);
        Logistic other = new Logistic(List.of("something_else"), new double[] {0}, new double[] {1},
                new double[] {1}, 0);
        Path file = folder.resolve("model.json");
        Files.writeString(file, json.writeValueAsString(new EvidenceModel(other, shipped.answerable(), 0.1, 0.03, "x",
                shipped.reader())));

        assertThatThrownBy(() -> EvidenceModel.load(Optional.of(file), EvidenceModel.RESOURCE, json))
                .hasMessageContaining("run calibrate again");
    }
}
