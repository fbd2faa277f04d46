package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryLimitsTest {

    @Test
    void should_take_plain_text_questions_of_1_to_2000_characters_stripped() {
        assertThat(QueryLimits.question("  centaur chess \n", "`q`")).isEqualTo("centaur chess");
        assertThat(QueryLimits.question("中".repeat(PassageQuery.MAX_TEXT_LENGTH), "`q`")).hasSize(2000);
        assertThat(QueryLimits.question("tab\tand\nnew line 😀", "`q`")).isEqualTo("tab\tand\nnew line 😀");
    }

    @Test
    void should_name_the_field_as_the_caller_spells_it_when_refusing() {
        assertThatThrownBy(() -> QueryLimits.question(" ", "\"question\""))
                .isInstanceOf(InvalidQueryException.class).hasMessage("\"question\" is required and must not be blank");
        assertThatThrownBy(() -> QueryLimits.question("x".repeat(2001), "`q`"))
                .hasMessage("`q` is 2001 characters long; at most 2000 are allowed");
        assertThatThrownBy(() -> QueryLimits.question("wiki\u0000", "`q`")).hasMessageContaining("plain text")
                .hasMessageContaining("position 4");
        assertThatThrownBy(() -> QueryLimits.optionalText("a\ud800b", "`author`"))
                .hasMessageStartingWith("`author` must be plain text");
        assertThatThrownBy(() -> QueryLimits.k(4_294_967_301L, "--k")).hasMessage("--k must be from 1 to 50, not 4294967301");
        assertThatThrownBy(() -> QueryLimits.k(0, "\"k\"")).hasMessage("\"k\" must be from 1 to 50, not 0");
    }

    @Test
    void should_leave_out_blank_optional_texts_and_accept_k_within_range() {
        assertThat(QueryLimits.optionalText("  ", "`essay`")).isEmpty();
        assertThat(QueryLimits.optionalText(" Willison ", "`author`")).contains("Willison");
        assertThat(QueryLimits.k(1, "`k`")).isEqualTo(1);
        assertThat(QueryLimits.k(PassageQuery.MAX_K, "`k`")).isEqualTo(50);
    }
}
