package dev.footnote.search;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.config.FootnoteConfig;
import io.quarkus.arc.DefaultBean;

/**
 * Admits a passage whose {@link Relevance} score is at least {@code footnote.search.min-score}: the score is
 * comparable across questions, so one threshold serves them all.
 */
@Singleton
@DefaultBean
public final class MinScoreGate implements RelevanceGate {

    private final double minScore;

    @Inject
    public MinScoreGate(FootnoteConfig config) {
        this(config.search().minScore());
    }

    public MinScoreGate(double minScore) {
        this.minScore = minScore;
    }

    @Override
    public boolean isRelevant(PassageHit hit) {
        return hit.score() >= minScore;
    }
}
