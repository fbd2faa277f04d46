package dev.footnote.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fitted evidence models: which sentence states the answer, and whether any does. Fitted on the tune
 * questions by {@code calibrate} and shipped as {@value #RESOURCE}; another file can be named by
 * {@code footnote.evidence.model}.
 *
 * @param sentence          probability that a sentence states the answer, from {@link EvidenceFeatures#SENTENCE}
 * @param answerable        probability that the passages answer the question, from {@link EvidenceFeatures#QUESTION}
 * @param refusalThreshold  below this {@code answerable} probability the question is declined; chosen on the
 *                          tune questions to decline at most {@code targetFalseRefusals} of the answerable ones
 * @param targetFalseRefusals the share of answerable tune questions the threshold may decline
 * @param fittedOn          what the models were fitted on: question files and counts
 */
public record EvidenceModel(Logistic sentence, Logistic answerable, double refusalThreshold,
        double targetFalseRefusals, String fittedOn) {

    public static final String RESOURCE = "/evidence-model.json";

    public static EvidenceModel load(Optional<Path> file, ObjectMapper json) {
        try {
            if (file.isPresent()) {
                return check(json.readValue(Files.readString(file.get()), EvidenceModel.class));
            }
            try (InputStream in = EvidenceModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the application");
                }
                return check(json.readValue(in, EvidenceModel.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the evidence model " + file.map(Path::toString)
                    .orElse(RESOURCE) + ": " + e.getMessage(), e);
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
