package dev.footnote.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.footnote.embedding.Role;

class EncoderModelTest {

    @Test
    void should_know_the_models_by_their_configured_names_in_any_case() {
        assertThat(EncoderModel.configured("all-minilm-l6-v2")).isSameAs(EncoderModel.ALL_MINILM_L6_V2);
        assertThat(EncoderModel.configured("all-MiniLM-L6-v2")).isSameAs(EncoderModel.ALL_MINILM_L6_V2);
        assertThat(EncoderModel.configured("e5-small-v2-q")).isSameAs(EncoderModel.E5_SMALL_V2_Q);
        assertThat(EncoderModel.configured(" BGE-small-en-v15-q ")).isSameAs(EncoderModel.BGE_SMALL_EN_V15_Q);
    }

    @Test
    void should_refuse_an_unknown_model_in_one_line_naming_the_accepted_ones() {
        assertThatThrownBy(() -> EncoderModel.configured("e5-large")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("footnote.embedding.model must be all-minilm-l6-v2, e5-small-v2-q or bge-small-en-v15-q, "
                        + "not \"e5-large\"");
        assertThat(EncoderModel.named("")).isEmpty();
    }

    @Test
    void should_put_no_prefix_before_minilm_texts() {
        EncoderModel minilm = EncoderModel.ALL_MINILM_L6_V2;
        assertThat(minilm.input(Role.QUERY, "Who wrote it?")).isEqualTo("Who wrote it?");
        assertThat(minilm.input(Role.PASSAGE, "Jane wrote it.")).isEqualTo("Jane wrote it.");
    }

    @Test
    void should_mark_e5_queries_and_passages_alike() {
        EncoderModel e5 = EncoderModel.E5_SMALL_V2_Q;
        assertThat(e5.input(Role.QUERY, "Who wrote it?")).isEqualTo("query: Who wrote it?");
        assertThat(e5.input(Role.PASSAGE, "Jane wrote it.")).isEqualTo("passage: Jane wrote it.");
        assertThat(e5.pooling()).isEqualTo(EncoderModel.Pooling.MEAN);
    }

    @Test
    void should_instruct_bge_on_queries_only() {
        EncoderModel bge = EncoderModel.BGE_SMALL_EN_V15_Q;
        assertThat(bge.input(Role.QUERY, "Who wrote it?"))
                .isEqualTo("Represent this sentence for searching relevant passages: Who wrote it?");
        assertThat(bge.input(Role.PASSAGE, "Jane wrote it.")).isEqualTo("Jane wrote it.");
        assertThat(bge.pooling()).isEqualTo(EncoderModel.Pooling.CLS);
    }

    @Test
    void should_give_every_model_384_dimensions_so_that_switching_needs_no_migration() {
        assertThat(EncoderModel.ALL).extracting(EncoderModel::dimension).containsOnly(384);
        assertThat(EncoderModel.ALL).extracting(EncoderModel::name).doesNotHaveDuplicates();
    }
}
