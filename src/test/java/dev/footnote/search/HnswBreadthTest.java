package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HnswBreadthTest {

    private final HnswBreadth breadth = new HnswBreadth(100);

    @Test
    void should_keep_the_depth_read_on_small_indexes() {
        assertThat(breadth.efSearch(200, 2_000)).isEqualTo(200);
        assertThat(breadth.efSearch(0, 2_000)).as("the configured floor").isEqualTo(100);
        assertThat(breadth.efSearch(800, 2_000)).as("a deeper search").isEqualTo(800);
    }

    @Test
    void should_widen_as_the_index_grows() {
        assertThat(breadth.efSearch(200, 100_000)).as("the depth read is still the larger").isEqualTo(200);
        assertThat(breadth.efSearch(200, 400_000)).isBetween(370, 390);
        assertThat(breadth.efSearch(200, 1_000_000)).isEqualTo(600);
        assertThat(HnswBreadth.forSize(10_000)).isLessThan(HnswBreadth.forSize(100_000))
                .isLessThan(HnswBreadth.forSize(500_000));
    }

    @Test
    void should_never_ask_for_more_than_pgvector_takes() {
        assertThat(breadth.efSearch(8_000, 50_000_000)).isEqualTo(HnswBreadth.MAX);
        assertThat(breadth.efSearch(200, -1)).as("a table never analyzed").isEqualTo(200);
    }
}
