package dev.footnote.embedding;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An in-process embedding model that {@link OnnxEncoder} can run: the ONNX model and tokenizer that a
 * LangChain4j embeddings artifact ships, and what the model expects around them.
 *
 * <p>Some models are trained to read questions and passages differently and expect a prefix saying which a
 * text is; LangChain4j does not add it, the encoder does ({@link #input}). Every model offered here uses an
 * uncased BERT tokenizer, so texts differing only in case read the same.
 *
 * @param name              recorded in the index manifest; {@code footnote.embedding.model} names it in any case
 * @param onnxResource      the ONNX model, on the classpath
 * @param tokenizerResource the Hugging Face tokenizer, on the classpath
 * @param pooling           how token vectors become one vector (before L2 normalisation)
 * @param queryPrefix       put before a question
 * @param passagePrefix     put before a passage (and any text compared with a question)
 * @param maxSequenceTokens tokens the model reads at most, {@code [CLS]} and {@code [SEP]} included
 * @param dimension         length of the vectors
 * @param quantized         int8 weights, with activations quantized per call: a text's vector would depend on
 *                          the texts batched with it, so such a model reads one text per call
 * @param cosines           where this model's question-to-passage similarities lie
 * @param onnxResource      the ONNX file on the classpath, or {@code file:} and a path on disk
 */
public record EncoderModel(String name, String onnxResource, String tokenizerResource, Pooling pooling,
        String queryPrefix, String passagePrefix, int maxSequenceTokens, int dimension, boolean quantized,
        CosineRange cosines) {

    /** The prefix of an {@link #onnxResource} on disk rather than on the classpath. */
    public static final String FILE = "file:";

    /** How the token vectors of the model's last layer become the text's vector. */
    public enum Pooling {
        /** The average of the token vectors, padding left out. */
        MEAN,
        /** The vector of the {@code [CLS]} token. */
        CLS
    }

    /**
     * Where a model puts question-to-passage cosine similarities: each model has its own range (e5 puts
     * unrelated text near 0.77, MiniLM near 0.1), and relevance maps it onto one scale. Measured on the tune
     * questions; MiniLM's 0.1 and 0.7, chosen by hand before, sit at the same two places.
     *
     * @param unrelated the median similarity of a question and a window of another essay
     * @param close     the similarity that 84 % of the windows holding a question's answer stay below
     */
    public record CosineRange(double unrelated, double close) {
    }

    /**
     * sentence-transformers' all-MiniLM-L6-v2, the default: no prefixes, and trained on texts of at most 128
     * tokens. Its name keeps the model's own spelling, as indexes built before models were configurable
     * record it.
     */
    public static final EncoderModel ALL_MINILM_L6_V2 = new EncoderModel("all-MiniLM-L6-v2",
            "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", Pooling.MEAN, "", "", 128, 384, false,
            new CosineRange(0.1, 0.7));

    /** intfloat's e5-small-v2, quantized: mean pooling, {@code "query: "} and {@code "passage: "}. */
    public static final EncoderModel E5_SMALL_V2_Q = new EncoderModel("e5-small-v2-q",
            "/e5-small-v2-q.onnx", "/e5-small-v2-q-tokenizer.json", Pooling.MEAN, "query: ", "passage: ", 512, 384,
            true, new CosineRange(0.77, 0.90));

    /** BAAI's bge-small-en-v1.5, quantized: the {@code [CLS]} vector, an instruction before questions only. */
    public static final EncoderModel BGE_SMALL_EN_V15_Q = new EncoderModel("bge-small-en-v15-q",
            "/bge-small-en-v1.5-q.onnx", "/bge-small-en-v1.5-q-tokenizer.json", Pooling.CLS,
            "Represent this sentence for searching relevant passages: ", "", 512, 384, true,
            new CosineRange(0.51, 0.83));

    /**
     * Footnote's reader: all-MiniLM-L6-v2 fine-tuned on questions and the sentences that answer them
     * ({@code src/train/reader}), its weights stored as int8 and widened when loaded. It reads sentences for the
     * evidence model; it is not offered for retrieval. Same tokenizer, pooling and limits as its base. Its cosine
     * range is its base's and unused: relevance and the citation check read the search's model.
     */
    public static final EncoderModel FOOTNOTE_READER = new EncoderModel("footnote-reader-1",
            "/reader/footnote-reader-1.onnx", "/all-minilm-l6-v2-tokenizer.json", Pooling.MEAN, "", "", 128, 384,
            false, new CosineRange(0.1, 0.7));

    /** The models {@code footnote.embedding.model} accepts, the default first. */
    public static final List<EncoderModel> ALL = List.of(ALL_MINILM_L6_V2, E5_SMALL_V2_Q, BGE_SMALL_EN_V15_Q);

    /** The model of this name, in any case. */
    public static Optional<EncoderModel> named(String name) {
        String wanted = name == null ? "" : name.strip();
        return ALL.stream().filter(m -> m.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The configured model; an unknown name fails with a message listing the known ones. */
    public static EncoderModel configured(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("footnote.embedding.model must be "
                + acceptedNames() + ", not \"" + name + "\""));
    }

    /** The reader of this name, which an evidence model file records; an unknown one fails with its name. */
    public static EncoderModel reader(String name) {
        if (FOOTNOTE_READER.name().equalsIgnoreCase(name.strip())) {
            return FOOTNOTE_READER;
        }
        throw new IllegalStateException("the evidence model was fitted with the reader \"" + name
                + "\", which this version of Footnote does not have; run calibrate again");
    }

    /**
     * This model with other weights, from an ONNX file on disk: a reader retrained as {@code src/train/reader}
     * does, with the same tokenizer, pooling and limits.
     */
    public EncoderModel withWeights(Path onnxFile) {
        return new EncoderModel(name + " (" + onnxFile.getFileName() + ")", FILE + onnxFile.toAbsolutePath(),
                tokenizerResource, pooling, queryPrefix, passagePrefix, maxSequenceTokens, dimension, quantized,
                cosines);
    }

    /** The accepted names, as the configuration spells them. */
    public static String acceptedNames() {
        List<String> names = ALL.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The prefix for texts of this role. */
    public String prefix(Role role) {
        return role == Role.QUERY ? queryPrefix : passagePrefix;
    }

    /** What the model reads for {@code text} in this role: the role's prefix, then the text. */
    public String input(Role role, String text) {
        return prefix(role) + text;
    }
}
