package dev.footnote.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * An in-process embedding model ({@link EncoderModel}), run from the ONNX model and tokenizer that its
 * LangChain4j artifact ships, in <em>batches</em>.
 *
 * <p>LangChain4j's in-process models run one text per ONNX call and spread texts over a thread pool while
 * ONNX Runtime spins its own pool per call, so two cores are oversubscribed. Here texts of similar length are
 * padded into one tensor per call and ONNX Runtime alone owns the cores. The vectors are the same: the
 * model's pooling ({@link TokenPooling}).
 * A {@link EncoderModel#quantized() quantized} model reads one text per call, so that a text's vector never
 * depends on its batch. Unlike LangChain4j, the encoder puts the model's query or passage prefix before each
 * text.
 *
 * <p>The model reads at most {@link EncoderModel#maxSequenceTokens()} tokens including {@code [CLS]},
 * {@code [SEP]} and the prefix; longer texts are cut, so callers keep what they index within
 * {@link #maxTextTokens()}.
 */
public final class OnnxEncoder implements TokenCountEstimator, AutoCloseable {

    private final EncoderModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean needsTokenTypes;
    private final int batchSize;
    private final int maxTextTokens;
    /**
     * Native tokenizer and session calls hold it shared; {@link #close()} takes it alone, so that shutting down
     * waits for a call in progress instead of freeing memory a native call still uses (which crashes the JVM).
     */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    public OnnxEncoder(EncoderModel model, int batchSize, int threads) {
        this.model = model;
        this.batchSize = model.quantized() ? 1 : batchSize;
        this.tokenizer = ModelResources.tokenizer(model.tokenizerResource());
        this.environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            // the pool's threads sleep between calls instead of spinning, which burnt CPU after every question
            // without making one faster (docs/scaling.md, "CPU per search")
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (!model.quantized()) {
                // int8 weights stored with DequantizeLinear (the reader) are widened to float once, at load,
                // instead of on every call: a quarter faster, the same vectors
                options.addConfigEntry("session.disable_quant_qdq", "1");
            }
            this.session = environment.createSession(ModelResources.bytes(model.onnxResource()), options);
            this.needsTokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + model.name(), e);
        }
        this.maxTextTokens = model.maxSequenceTokens() - 2 - estimateTokenCountInText(model.passagePrefix());
    }

    /** The threads an encoder runs on: {@code configured}, or one a core when that is 0. */
    public static int threads(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    public EncoderModel model() {
        return model;
    }

    /** The model's name, as the index manifest records it. */
    public String modelName() {
        return model.name();
    }

    public int dimension() {
        return model.dimension();
    }

    /**
     * Word pieces of passage text the model can read, besides {@code [CLS]}, {@code [SEP]} and the passage
     * prefix.
     */
    public int maxTextTokens() {
        return maxTextTokens;
    }

    /** Word pieces in {@code text}, without the special tokens and without any prefix. */
    @Override
    public int estimateTokenCountInText(String text) {
        return whileOpen(() -> tokenizer.encode(text, false, false).getIds().length);
    }

    /** Tokens the model is given for {@code text} in this role: prefix and special tokens included, uncut. */
    int inputTokens(Role role, String text) {
        return whileOpen(() -> tokenizer.encode(model.input(role, text)).getIds().length);
    }

    /** The encoder in one role as LangChain4j's {@link EmbeddingModel}, uncached (for reindexing). */
    public EmbeddingModel embeddingModel(Role role) {
        return new EncoderEmbeddingModel(this, role);
    }

    /** Word pieces in a chat message's text, counted as for any text. */
    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        String text = "";
        if (message instanceof SystemMessage system) {
            text = system.text();
        } else if (message instanceof UserMessage user && user.hasSingleText()) {
            text = user.singleText();
        } else if (message instanceof AiMessage ai && ai.text() != null) {
            text = ai.text();
        }
        return estimateTokenCountInText(text);
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        int tokens = 0;
        for (ChatMessage message : messages) {
            tokens += estimateTokenCountInMessage(message);
        }
        return tokens;
    }

    /** Embeds {@code texts} with the role's prefix, in batches; the i-th vector belongs to the i-th text. */
    public List<float[]> encode(Role role, List<String> texts) {
        return whileOpen(() -> encodeOpen(role, texts));
    }

    private List<float[]> encodeOpen(Role role, List<String> texts) {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (String text : texts) {
            encodings.add(tokenizer.encode(model.input(role, text)));
        }
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < order.length; from += batchSize) {
            List<Integer> batch = Arrays.asList(order).subList(from, Math.min(order.length, from + batchSize));
            float[][] embedded = run(batch.stream().map(encodings::get).toList());
            for (int b = 0; b < batch.size(); b++) {
                vectors[batch.get(b)] = embedded[b];
            }
        }
        return Arrays.asList(vectors);
    }

    private float[][] run(List<Encoding> batch) {
        int length = Math.min(model.maxSequenceTokens(),
                batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0));
        long[][] ids = new long[batch.size()][length];
        long[][] mask = new long[batch.size()][length];
        long[][] types = new long[batch.size()][length];
        for (int b = 0; b < batch.size(); b++) {
            long[] tokenIds = truncate(batch.get(b).getIds(), length);
            System.arraycopy(tokenIds, 0, ids[b], 0, tokenIds.length);
            Arrays.fill(mask[b], 0, tokenIds.length, 1L);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
            if (needsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, types));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] pooled = new float[batch.size()][];
                for (int b = 0; b < batch.size(); b++) {
                    pooled[b] = TokenPooling.pooled(model.pooling(), hidden[b], mask[b]);
                }
                return pooled;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Keeps {@code [CLS]} and the first word pieces, and ends with {@code [SEP]} as the model expects. */
    private static long[] truncate(long[] ids, int length) {
        if (ids.length <= length) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, length);
        cut[length - 1] = ids[ids.length - 1];
        return cut;
    }

    /** Whether a call into the native tokenizer or session is in progress. */
    boolean isBusy() {
        return lifecycle.getReadLockCount() > 0;
    }

    /** Runs a call into the native tokenizer or session, unless the encoder is closed. */
    private <T> T whileOpen(Supplier<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the embedding model is closed: Footnote is shutting down");
            }
            return call.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Waits for calls in progress, then frees the native session and tokenizer; later calls fail. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            session.close();
            tokenizer.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
