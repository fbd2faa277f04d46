package dev.footnote.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> sentences(String text) {
        return Sentences.of(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void should_split_at_full_stops_but_not_after_abbreviations() {
        assertThat(sentences("It works, e.g. here. Then it stops! Does it? Yes."))
                .containsExactly("It works, e.g. here.", "Then it stops!", "Does it?", "Yes.");
    }

    @Test
    void should_not_end_a_sentence_at_an_abbreviation_before_a_capital() {
        assertThat(sentences("When it was smart autocomplete (e.g. Copilot in 2021) it was fine. Then it grew."))
                .containsExactly("When it was smart autocomplete (e.g. Copilot in 2021) it was fine.", "Then it grew.");
        assertThat(sentences("Small models, i.e. Qwen and Llama, run locally. Big ones do not."))
                .containsExactly("Small models, i.e. Qwen and Llama, run locally.", "Big ones do not.");
        assertThat(sentences("Mr. Smith met Dr. Jones at noon. They talked."))
                .containsExactly("Mr. Smith met Dr. Jones at noon.", "They talked.");
        assertThat(sentences("It was Python vs. Rust again. Rust won."))
                .containsExactly("It was Python vs. Rust again.", "Rust won.");
        assertThat(sentences("The book by J. R. R. Tolkien sold well. It still does."))
                .containsExactly("The book by J. R. R. Tolkien sold well.", "It still does.");
        assertThat(sentences("See No. 5 on the list. It is short."))
                .containsExactly("See No. 5 on the list.", "It is short.");
    }

    @Test
    void should_end_a_sentence_at_an_abbreviation_that_can_end_one_when_a_capital_follows() {
        assertThat(sentences("It runs in the U.S. and in Europe. Prices differ."))
                .containsExactly("It runs in the U.S. and in Europe.", "Prices differ.");
        assertThat(sentences("They sell apples, pears, etc. The shop opens at nine."))
                .containsExactly("They sell apples, pears, etc.", "The shop opens at nine.");
        assertThat(sentences("Bring pens, paper, etc. and a laptop. Then sit."))
                .containsExactly("Bring pens, paper, etc. and a laptop.", "Then sit.");
        assertThat(sentences("He said no. Then he left.")).containsExactly("He said no.", "Then he left.");
        assertThat(sentences("Take vitamin C. It helps.")).containsExactly("Take vitamin C.", "It helps.");
    }

    @Test
    void should_end_a_sentence_at_every_line_break() {
        String text = "Use it (or sell it)\n\u201cNot long ago, it was hard.\u201d  \r\n\nA heading\nLast line.";
        assertThat(sentences(text)).containsExactly(
                "Use it (or sell it)", "\u201cNot long ago, it was hard.\u201d", "A heading", "Last line.");
    }

    @Test
    void should_give_spans_into_the_original_text() {
        String text = "  First one.\u00a0 Second one.\n";
        assertThat(Sentences.of(text)).containsExactly(new Span(2, 12), new Span(14, 25));
    }

    @Test
    void should_find_nothing_in_blank_text() {
        assertThat(Sentences.of(" \n\u00a0\n")).isEmpty();
        assertThat(Sentences.of("")).isEmpty();
    }
}
