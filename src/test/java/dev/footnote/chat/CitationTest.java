package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.footnote.text.Span;

/** Where a citation's quote stands in the file on disk. */
class CitationTest {

    private static final Citation.CitedEssay ESSAY = new Citation.CitedEssay("e", "Title", "Ada", null);

    @Test
    void should_place_the_quote_inside_the_passage_of_a_text_file() {
        Citation citation = new Citation(1, 1, "b c", "a b c d", "essay.txt", 100, 107, 100, 107, null, ESSAY);

        assertThat(citation.quoteSpan()).isEqualTo(new Span(102, 105));
    }

    @Test
    void should_give_the_passages_stretch_of_a_file_with_markup_whose_characters_do_not_line_up() {
        Citation citation = new Citation(1, 1, "b c", "a b c d", "essay.md", 130, 161, 20, 27, null, ESSAY);

        assertThat(citation.quoteSpan()).isEqualTo(new Span(130, 161));
    }
}
