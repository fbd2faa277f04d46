package dev.footnote.system;

import java.nio.file.Path;
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
    Search search();

    /** Administration endpoints. */
    Admin admin();

    interface Corpus {
        /** A folder of essay files; unset means the essays shipped with the application. */
        Optional<Path> dir();
    }

    interface Passages {
        /** Word pieces of passage text at most; with the title the window stays within the model's 126. */
        @WithDefault("100")
        int maxTokens();

        /** A passage repeats its predecessor's last sentence when that sentence has at most this many word pieces. */
        @WithDefault("40")
        int overlapTokens();
    }

    interface Embedding {
        /** Texts per model call; similar lengths are batched together. */
        @WithDefault("8")
        int batchSize();

        /** Threads for the model; 0 means one per available processor. */
        @WithDefault("0")
        int threads();
    }

    interface Search {
        /** Candidates the HNSW scan keeps ({@code hnsw.ef_search}); bounds how deep a filtered search can go. */
        @WithDefault("100")
        int efSearch();

        /** Passages each retrieval leg (embedding, keywords) contributes before fusion. */
        @WithDefault("50")
        int candidates();

        /** Weight of embedding similarity against keyword match in a passage's score (0 to 1). */
        @WithDefault("0.5")
        double semanticWeight();

        /**
         * Share of a result that one essay may fill, unless the query names the essay: at most
         * {@code max(2, ceil(k × share))} passages of one essay among {@code k}.
         */
        @WithDefault("0.5")
        double maxEssayShare();

        /** A passage scoring below this is not relevant; when none clears it, the essays do not cover the question. */
        @WithDefault("0.29")
        double minScore();

        /** Question embeddings kept in memory. */
        @WithDefault("1000")
        int queryCacheSize();
    }

    interface Admin {
        /** Bearer token for {@code /api/admin/*}; unset disables those endpoints. */
        Optional<String> token();
    }
}
