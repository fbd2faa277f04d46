package dev.footnote.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuestionTermsTest {

    @Test
    void should_weigh_a_word_rare_among_the_sentences_above_one_they_all_share() {
        // given: every sentence is about agents; only one mentions sandboxes
        List<String> sentences = List.of("Agents are useful.", "Agents need a sandbox to run safely.",
                "Agents write code all day.");
        QuestionTerms terms = new QuestionTerms("Why do agents need sandboxes?", sentences);
        // then
        assertThat(terms.coverage(sentences.get(1))).isGreaterThan(terms.coverage(sentences.get(0)) + 0.3);
        assertThat(terms.coverage("Why do agents need sandboxes?")).isEqualTo(1.0);
        assertThat(terms.coverage("Nothing in common here.")).isZero();
    }

    @Test
    void should_meet_inflected_forms_of_a_word() {
        assertThat(QuestionTerms.stem("training")).isEqualTo(QuestionTerms.stem("trained"));
        assertThat(QuestionTerms.stem("agents")).isEqualTo(QuestionTerms.stem("agent"));
        assertThat(QuestionTerms.stems("Is it a GPU?")).containsExactlyInAnyOrder("gpu");
    }
}
