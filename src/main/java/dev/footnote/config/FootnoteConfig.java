package dev.footnote.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Footnote's own settings; each key can also be set by environment variable ({@code FOOTNOTE_CORPUS_DIR}). */
@ConfigMapping(prefix = "footnote")
public interface FootnoteConfig {

    /** Where the essays come from. */
    Corpus corpus();

    /** How essays are cut into passages; recorded with the index. */
    Passages passages();

    /** The in-process embedding model. */
    Embedding embedding();

    /** Passage retrieval. */
    SearchConfig search();

    /** The optional re-ranking stage. */
    Rerank rerank();

    /** The evidence model: which sentences state an answer, and whether any does. */
    Evidence evidence();

    /** Administration endpoints. */
    Admin admin();

    /** Who may call the API. */
    Api api();

    /** The names the HTTP server answers to. */
    Http http();

    /** The model that writes answers. */
    Llm llm();

    /** Prompt templates. */
    Prompts prompts();

    /** Conversations. */
    Chat chat();

    /** The OpenAI-compatible chat API ({@code /v1}). */
    OpenAi openai();

    interface Corpus {
        /** A folder of essay files; unset means the essays shipped with the application. */
        Optional<Path> dir();

        /**
         * How often {@code serve} brings the index in line with the folder (a period: {@code 30s}, {@code 5m},
         * {@code 1h}), through the same incremental reindex as {@code reindex}; {@code off} never does.
         */
        @WithDefault("off")
        String watch();
    }

    interface Passages {
        /** Word pieces of passage text at most. */
        @WithDefault("300")
        int maxTokens();

        /** Word pieces of passage text per embedded window at most; with the title it stays within the model's input. */
        @WithDefault("100")
        int windowTokens();

        /** A passage repeats its predecessor's last sentence when that sentence has at most this many word pieces. */
        @WithDefault("40")
        int overlapTokens();
    }

    interface Embedding {
        /**
         * {@code all-minilm-l6-v2}, {@code e5-small-v2-q} or {@code bge-small-en-v15-q}; recorded with the index,
         * so a change needs {@code reindex --full}.
         */
        @WithDefault("all-minilm-l6-v2")
        String model();

        /** Texts per model call; similar lengths are batched together. Quantized models read one at a time. */
        @WithDefault("8")
        int batchSize();

        /** Threads for the model; 0 means one per available processor. */
        @WithDefault("0")
        int threads();

        /**
         * Vectors kept in memory for questions and for the sentences of retrieved passages, shared by search,
         * the evidence model and the citation check.
         */
        @WithDefault("10000")
        int cacheSize();
    }

    interface Rerank {
        /**
         * {@code none}, {@code reader} (Footnote's reader, shipped: the fused relevance plus the best sentence's
         * similarity), {@code onnx} (a cross-encoder in process, from {@code model-path} and
         * {@code tokenizer-path}) or {@code http} (a scoring server speaking the {@code /rerank} protocol).
         */
        @WithDefault("none")
        RerankProvider provider();

        /** The cross-encoder's ONNX file, for {@code onnx}. */
        Optional<Path> modelPath();

        /** The cross-encoder's {@code tokenizer.json}, for {@code onnx}. */
        Optional<Path> tokenizerPath();

        /** The scoring server, for {@code http}; requests go to {@code base-url/rerank}. */
        Optional<String> baseUrl();

        /** The model name sent to the scoring server. */
        Optional<String> model();

        /** Bearer key for the scoring server. */
        Optional<String> apiKey();

        /** How long one scoring call may take before the search fails with 504. */
        @WithDefault("10s")
        Duration timeout();

        /** How many of the best fused candidates the re-ranker scores; the rest keep their order behind them. */
        @WithDefault("20")
        int candidates();
    }

    interface Evidence {
        /**
         * Which encoder reads the retrieved sentences for the evidence model: {@code footnote-reader}, the reader
         * fine-tuned on questions and their answering sentences, or {@code embedding}, the search's own model.
         * Each comes with its own fitted evidence model.
         */
        @WithDefault("footnote-reader")
        SentenceEncoder reader();

        /**
         * A model file written by {@code calibrate}; it names the reader it was fitted with, which then reads the
         * sentences. Unset means the model shipped for {@code footnote.evidence.reader}.
         */
        Optional<Path> model();
    }

    /** The encoders that can read sentences for the evidence model. */
    enum SentenceEncoder {
        FOOTNOTE_READER,
        EMBEDDING
    }

    interface Admin {
        /** Bearer token for {@code /api/admin/*}; unset disables those endpoints. */
        Optional<String> token();
    }

    interface Api {
        /**
         * Bearer keys, comma-separated, any of which opens {@code /api/*}, {@code /v1/*} and {@code /mcp};
         * unset leaves them open. Health, the page itself and the admin endpoints (their own token) are not
         * affected.
         */
        Optional<List<String>> keys();
    }

    interface Http {
        /**
         * Host names, comma-separated, that requests may address besides localhost names and IP addresses, which
         * are always served; {@code *} serves any name (behind a proxy that checks them itself). A request for any
         * other name is refused, so that a page whose name was rebound to this server cannot call it.
         */
        Optional<List<String>> hosts();
    }

    interface Llm {
        /** {@code extractive} (offline, quotes the essays), {@code openai} (any OpenAI-compatible server) or {@code ollama}. */
        @WithDefault("extractive")
        LlmProvider provider();

        /** The model server; defaults to the provider's usual address. */
        Optional<String> baseUrl();

        /** The model name; defaults to a small model of the provider. */
        Optional<String> model();

        /** API key for OpenAI-compatible servers. */
        Optional<String> apiKey();

        /** How long one model call may take before the answer fails with 504. */
        @WithDefault("60s")
        Duration timeout();
    }

    interface Prompts {
        /** A folder with {@code system.md}, {@code answer.md} and {@code rewrite.md}; unset means the shipped prompts. */
        Optional<Path> dir();
    }

    interface Chat {
        /** Passages retrieved per question when the request does not say. */
        @WithDefault("5")
        int k();

        /**
         * Whether a model's answer of which no sentence is supported by the passages is shown, marked as
         * unchecked; by default it is withheld.
         */
        @WithDefault("false")
        boolean showUnchecked();

        /** Turns of a conversation kept for follow-up questions. */
        @WithDefault("10")
        int maxTurns();

        /** A conversation untouched for this long is forgotten. */
        @WithDefault("24h")
        Duration conversationTtl();
    }

    interface OpenAi {
        /**
         * Whether an answer's text ends with a readable list of its sources (title, author, file, characters and
         * quote of each citation), for clients that show only the text; a request may say otherwise with
         * {@code "sources_footer"}.
         */
        @WithDefault("true")
        boolean sourcesFooter();
    }
}
