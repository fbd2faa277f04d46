package dev.footnote.rerank;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.langchain4j.model.scoring.ScoringModel;
import dev.langchain4j.model.scoring.onnx.OnnxScoringModel;

/** Creates the re-ranking model named by {@code footnote.rerank.provider}, or none. */
public final class ScoringModels {

    /**
     * The metadata key of each scored segment that holds the passage's fused relevance, for a model that weighs
     * it in (Footnote's reader does).
     */
    public static final String FUSED_SCORE = "fused_score";

    /** Word pieces of question and passage a cross-encoder reads together. */
    static final int MAX_PAIR_TOKENS = 512;

    private ScoringModels() {
    }

    /** The configured model; {@code reader} gives Footnote's reader, for {@code reader}. */
    public static Optional<ScoringModel> create(FootnoteConfig.Rerank rerank, ObjectMapper json,
            Supplier<Embeddings> reader) {
        return switch (rerank.provider()) {
            case NONE -> Optional.empty();
            case READER -> Optional.of(new SentenceScoringModel(reader.get()));
            case ONNX -> Optional.of(onnx(
                    readable(rerank.modelPath(), "footnote.rerank.model-path", "the cross-encoder's ONNX file"),
                    readable(rerank.tokenizerPath(), "footnote.rerank.tokenizer-path", "its tokenizer.json")));
            case HTTP -> Optional.of(new HttpScoringModel(rerank.baseUrl().orElseThrow(
                    () -> new IllegalArgumentException("footnote.rerank.base-url must name the scoring server "
                            + "when footnote.rerank.provider is http")),
                    rerank.model(), rerank.apiKey(), rerank.timeout(), json));
        };
    }

    private static ScoringModel onnx(Path model, Path tokenizer) {
        try {
            // the model closes the options once its session is built
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0"); // as the encoder's, see OnnxEncoder
            return new OnnxScoringModel(model.toString(), options, tokenizer.toString(), MAX_PAIR_TOKENS, false);
        } catch (OrtException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load the cross-encoder " + model.getFileName()
                    + ": it must be an ONNX sequence-classification model with its tokenizer.json", e);
        }
    }

    private static Path readable(Optional<Path> path, String key, String what) {
        Path file = path.orElseThrow(() -> new IllegalArgumentException(key + " must name " + what
                + " when footnote.rerank.provider is onnx"));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(key + " names a file that cannot be read: " + file);
        }
        return file;
    }
}
