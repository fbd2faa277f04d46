package dev.footnote.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

import dev.footnote.config.SearchConfig;

/**
 * The aggregation stage's order: how the two legs' features become one ranking ({@code footnote.search.fusion}).
 * <ul>
 *   <li>{@code weighted} (default): by the {@link Relevance} score, a weighted sum of both features;</li>
 *   <li>{@code rrf}: reciprocal rank fusion, {@code Σ 1 / (60 + rank)} over the candidates' rank by each
 *   feature, which ignores how far apart the values are.</li>
 * </ul>
 * Either way ties break by source and offset, so a ranking is reproducible.
 */
public enum Fusion {
    WEIGHTED,
    RRF;

    /** The constant of reciprocal rank fusion, as in Cormack et al. (2009). */
    static final int RRF_K = 60;

    private static final Comparator<Candidate> TIES =
            Comparator.comparing(Candidate::source).thenComparingInt(Candidate::start);

    /** The fusion {@code footnote.search.fusion} names. */
    public static Fusion of(SearchConfig.FusionMethod method) {
        return switch (method) {
            case WEIGHTED -> WEIGHTED;
            case RRF -> RRF;
        };
    }

    /** Sorts {@code candidates} best first. */
    void order(List<Candidate> candidates) {
        switch (this) {
            case WEIGHTED ->
                    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(TIES));
            case RRF -> {
                Map<UUID, Double> fused = new HashMap<>();
                addReciprocalRanks(candidates, Candidate::similarity, fused);
                addReciprocalRanks(candidates, Candidate::keywords, fused);
                candidates.sort(Comparator.comparingDouble((Candidate candidate) -> fused.get(candidate.passageId()))
                        .reversed().thenComparing(TIES));
            }
        }
    }

    private static void addReciprocalRanks(List<Candidate> candidates, ToDoubleFunction<Candidate> feature,
            Map<UUID, Double> fused) {
        List<Candidate> ranked = candidates.stream()
                .sorted(Comparator.comparingDouble(feature).reversed().thenComparing(TIES)).toList();
        for (int rank = 0; rank < ranked.size(); rank++) {
            fused.merge(ranked.get(rank).passageId(), 1.0 / (RRF_K + rank + 1), Double::sum);
        }
    }
}
