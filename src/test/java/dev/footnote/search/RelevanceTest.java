package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RelevanceTest {

    private final Relevance relevance = new Relevance(0.5);

    @Test
    void should_blend_similarity_and_keyword_share_into_zero_to_one() {
        assertThat(relevance.score(0.7, 1.0)).isCloseTo(1.0, within(1e-9));
        assertThat(relevance.score(0.1, 0.0)).isCloseTo(0.0, within(1e-9));
        assertThat(relevance.score(0.4, 0.5)).isCloseTo(0.5, within(1e-9));
        assertThat(relevance.score(-0.3, 0.0)).isZero();
        assertThat(relevance.score(0.95, 1.0)).isEqualTo(1.0);
    }

    @Test
    void should_map_another_model_s_cosine_range_onto_the_same_scale() {
        Relevance e5 = new Relevance(0.5, 0.77, 0.90);
        assertThat(e5.score(0.77, 0.0)).isCloseTo(0.0, within(1e-9));
        assertThat(e5.score(0.90, 1.0)).isCloseTo(1.0, within(1e-9));
        assertThat(e5.score(0.835, 0.3)).isCloseTo(relevance.score(0.4, 0.3), within(1e-9));
    }

    @Test
    void should_rank_a_closer_passage_higher() {
        assertThat(relevance.score(0.6, 0.2)).isGreaterThan(relevance.score(0.5, 0.2));
        assertThat(relevance.score(0.5, 0.4)).isGreaterThan(relevance.score(0.5, 0.2));
    }
}
