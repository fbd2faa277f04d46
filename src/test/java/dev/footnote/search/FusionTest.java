package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FusionTest {

    private static final Relevance RELEVANCE = new Relevance(0.5);

    // rank by similarity, rank by keywords: p 1st/4th, q 2nd/2nd, r 3rd/1st, s 4th/3rd
    private final Candidate p = hit("p", 0.80, 0.00);
    private final Candidate q = hit("q", 0.50, 0.30);
    private final Candidate r = hit("r", 0.40, 0.60);
    private final Candidate s = hit("s", 0.10, 0.20);

    @Test
    void should_order_by_the_weighted_relevance_score() {
        List<Candidate> candidates = new ArrayList<>(List.of(s, q, p, r));
        Fusion.WEIGHTED.order(candidates);
        // scores: p 0.5, q ≈ 0.483, r 0.55, s 0.1
        assertThat(candidates).containsExactly(r, p, q, s);
    }

    @Test
    void should_order_by_ranks_alone_under_reciprocal_rank_fusion() {
        List<Candidate> candidates = new ArrayList<>(List.of(s, q, p, r));
        Fusion.RRF.order(candidates);
        // 1/63 + 1/61 > 2/62 > 1/61 + 1/64 > 1/64 + 1/63: q's two second places beat p's first and last
        assertThat(candidates).containsExactly(r, q, p, s);
    }

    private static Candidate hit(String source, double similarity, double keywords) {
        return new Candidate(UUID.randomUUID(), RELEVANCE.score(similarity, keywords), similarity, keywords, source, 0,
                "e-" + source);
    }
}
