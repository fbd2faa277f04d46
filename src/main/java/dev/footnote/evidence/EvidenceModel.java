package dev.footnote.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fitted evidence models: which sentence states the answer, and whether any does. Fitted by {@code calibrate}
 * on sentence similarities from one reader, which the file names, and shipped as {@value #RESOURCE} (read by
 * Footnote's reader) and {@value #EMBEDDING_RESOURCE} (read by the search's embedding model); another file can be
 * named by {@code footnote.evidence.model}.
 *
 * @param sentence          probability that a sentence states the answer, from {@link EvidenceFeatures#SENTENCE}
 * @param answerable        probability that the passages answer the question, from {@link EvidenceFeatures#QUESTION}
 * @param refusalThreshold  below this {@code answerable} probability the question is declined; chosen on the
 *                          questions it was fitted on to decline at most {@code targetFalseRefusals} of the
 *                          answerable ones
 * @param targetFalseRefusals the share of answerable questions the threshold may decline
 * @param fittedOn          what the models were fitted on: question files and counts
 * @param reader            the encoder whose similarities the features hold: an {@link
 *                          dev.footnote.embedding.EncoderModel} name, or {@value #EMBEDDING} (also when absent,
 *                          as in files written before readers could be chosen) for the search's embedding model
 */
public record EvidenceModel(Logistic sentence, Logistic answerable, double refusalThreshold,
        double targetFalseRefusals, String fittedOn, String reader) {

    public static final String RESOURCE = "/evidence-model.json";
    public static final String EMBEDDING_RESOURCE = "/evidence-model-embedding.json";
    public static final String EMBEDDING = "embedding";

    public EvidenceModel {
        reader = reader == null || reader.isBlank() ? EMBEDDING : reader;
    }

    /** Whether the search's own embedding model reads the sentences, rather than a reader of its own. */
    public boolean readsWithEmbedding() {
        return EMBEDDING.equals(reader);
    }

    /** The model in {@code file}, else the one shipped as {@code resource}. */
    public static EvidenceModel load(Optional<Path> file, String resource, ObjectMapper json) {
        try {
            if (file.isPresent()) {
                return check(json.readValue(Files.readString(file.get()), EvidenceModel.class));
            }
            try (InputStream in = EvidenceModel.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the application");
                }
                return check(json.readValue(in, EvidenceModel.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the evidence model " + file.map(Path::toString)
                    .orElse(resource) + ": " + e.getMessage(), e);
        }
    }

    private static EvidenceModel check(EvidenceModel model) {
        if (!model.sentence().features().equals(EvidenceFeatures.SENTENCE)
                || !model.answerable().features().equals(EvidenceFeatures.QUESTION)) {
            throw new IllegalStateException("the evidence model was fitted on other features; run calibrate again");
        }
        return model;
    }
}
