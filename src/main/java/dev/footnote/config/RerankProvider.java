package dev.footnote.config;

/** What re-orders the best candidates ({@code footnote.rerank.provider}), spelled in lower case in configuration. */
public enum RerankProvider {
    /** Nothing: the fused order stands. */
    NONE,
    /** Footnote's reader, shipped: the fused relevance plus the best sentence's similarity. */
    READER,
    /** A cross-encoder run in process, from {@code model-path} and {@code tokenizer-path}. */
    ONNX,
    /** A scoring server speaking the {@code /rerank} protocol. */
    HTTP
}
