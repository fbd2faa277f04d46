package dev.footnote.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/** How passages are searched: {@code footnote.search.*}. */
public interface SearchConfig {
    /** Candidates the HNSW scan keeps ({@code hnsw.ef_search}); bounds how deep a filtered search can go. */
    @WithDefault("100")
    int efSearch();

    /** The retrieval legs that collect candidates: {@code embedding}, {@code keywords}, or both. */
    @WithDefault("embedding,keywords")
    List<Leg> retrievers();

    /** How the legs' features become one ranking: {@code weighted} or {@code rrf} (see {@code Fusion}). */
    @WithDefault("weighted")
    FusionMethod fusion();

    /** A retrieval leg. */
    enum Leg {
        /** The passages closest to the question's embedding. */
        EMBEDDING,
        /** The passages holding the largest weighted share of the question's words. */
        KEYWORDS
    }

    /** How the legs' features become one ranking. */
    enum FusionMethod {
        /** By the relevance score, a weighted sum of both features. */
        WEIGHTED,
        /** Reciprocal rank fusion. */
        RRF
    }

    /** Passages each retrieval leg (embedding, keywords) contributes before fusion. */
    @WithDefault("50")
    int candidates();

    /**
     * The keyword leg looks candidates up through the question's rarest words, word by word, while the passages
     * they hold add up to at most this many: a common word adds little to a match, and reading every passage
     * that holds it would make each search grow with the corpus. Every question word, looked up or not, still
     * counts in every candidate's keyword score.
     */
    @WithDefault("5000")
    int maxKeywordPassages();

    /**
     * Searches reading the database at once; more wait their turn (up to 5 s, then 503). 0 means one per
     * processor of this machine, right when the database runs beside the application; for a database
     * elsewhere, about its number of cores.
     */
    @WithDefault("0")
    int concurrency();

    /** Weight of embedding similarity against keyword match in a passage's score (0 to 1). */
    @WithDefault("0.5")
    double semanticWeight();

    /**
     * Share of a result that one essay may fill, unless the query names the essay: at most
     * {@code max(2, ceil(k × share))} passages of one essay among {@code k}.
     */
    @WithDefault("1.0")
    double maxEssayShare();

    /** A passage scoring below this is not relevant; when none clears it, the essays do not cover the question. */
    @WithDefault("0.29")
    double minScore();

    /**
     * JDBC URL of a streaming replica of the database, which searches then read instead of the primary (it
     * becomes the datasource {@code search}, with the primary's user and password unless
     * {@code quarkus.datasource.search.username} and {@code .password} say otherwise). Unset: searches read the
     * primary. Reindexing, essays and everything else always use the primary.
     */
    Optional<String> datasource();
}
