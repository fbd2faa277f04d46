package dev.footnote.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.footnote.evidence.ExpectedAnswer.Form;

class ExpectedAnswerTest {

    @Test
    void should_read_what_a_count_counts_and_the_names_outside_the_question_phrase() {
        ExpectedAnswer expected = ExpectedAnswer.of("How many GPUs did FAIR use for the OPT-175B pretraining run?");

        assertThat(expected.form()).isEqualTo(Form.QUANTITY);
        assertThat(expected.slot()).contains("gpus");
        assertThat(expected.names()).containsExactly("FAIR", "OPT-175B");
    }

    @Test
    void should_count_the_noun_before_a_preposition_and_ignore_comparatives() {
        assertThat(ExpectedAnswer.of("How much training data for Rust did the corpus hold?").slot()).contains("data");
        ExpectedAnswer bigger = ExpectedAnswer.of("How much bigger is the picture than the text, per Goedecke?");
        assertThat(bigger.form()).isEqualTo(Form.QUANTITY);
        assertThat(bigger.slot()).isEmpty();
        assertThat(bigger.names()).containsExactly("Goedecke");
    }

    @Test
    void should_recognise_measures_dates_and_attributes() {
        assertThat(ExpectedAnswer.of("Roughly how long does the test suite take?").form()).isEqualTo(Form.QUANTITY);
        assertThat(ExpectedAnswer.of("What percentage of users pay?").form()).isEqualTo(Form.QUANTITY);
        assertThat(ExpectedAnswer.of("In what year was Buttondown founded?").form()).isEqualTo(Form.DATE);
        assertThat(ExpectedAnswer.of("When did Anthropic release Claude Code?").form()).isEqualTo(Form.DATE);
        ExpectedAnswer license = ExpectedAnswer.of("Under what software license is StringZilla distributed?");
        assertThat(license.form()).isEqualTo(Form.ATTRIBUTE);
        assertThat(license.slot()).contains("license");
        assertThat(license.names()).containsExactly("StringZilla");
    }

    @Test
    void should_leave_opinions_explanations_and_people_open() {
        for (String question : new String[] {"Why is the industry converging on MCP?",
                "What does the author predict will happen to agent frameworks?",
                "How often can engineers choose the simplest design?", "Which blogger wrote about code review?",
                "How does Goedecke define an API?"}) {
            ExpectedAnswer expected = ExpectedAnswer.of(question);
            assertThat(expected.isCheckable()).as(question).isFalse();
            assertThat(expected.isStatedBy("Anything at all.", "")).isTrue();
        }
    }

    @Test
    void should_want_a_new_number_next_to_what_is_counted() {
        ExpectedAnswer expected = ExpectedAnswer.of("How many GPUs did FAIR use for the OPT-175B pretraining run?");

        assertThat(expected.isStatedBy("FAIR trained OPT-175B on 992 A100 GPUs.", "")).isTrue();
        assertThat(expected.isStatedBy("FAIR used thousands of GPUs for OPT-175B.", "")).isTrue();
        assertThat(expected.isStatedBy("FAIR's logbook of the OPT-175 run from 2021 is painful.", ""))
                .as("a number, but nothing counted").isFalse();
        assertThat(expected.isStatedBy("The OPT-175B logbook mentions GPUs often.", ""))
                .as("what is counted, but no number beyond the question's own").isFalse();
    }

    @Test
    void should_want_the_question_names_in_the_sentence_or_around_it() {
        ExpectedAnswer expected = ExpectedAnswer.of("How many GPUs did FAIR use for the OPT-175B pretraining run?");
        String otherRun = "By now in 2026 we commonly train on tens-of-thousands of GPUs.";

        assertThat(expected.isStatedBy(otherRun, "They swapped GELU for RELU.\nTraining at scale\nSome Author"))
                .isFalse();
        assertThat(expected.isStatedBy(otherRun, "Then FAIR started over.\nTraining at scale\nSome Author"))
                .as("the sentence before names FAIR").isTrue();
        assertThat(expected.isStatedBy(otherRun, "They swapped GELU for RELU.\nThe OPT-175 logbook\nSome Author"))
                .as("the essay's title names OPT").isTrue();
    }

    @Test
    void should_want_dates_and_attribute_words() {
        ExpectedAnswer when = ExpectedAnswer.of("When did Anthropic release Claude Code?");
        assertThat(when.isStatedBy("In May 2025, Anthropic released Claude Code, an agent.", "")).isTrue();
        assertThat(when.isStatedBy("Anthropic released Claude Code, an agent.", "")).isFalse();

        ExpectedAnswer license = ExpectedAnswer.of("Under what software license is StringZilla distributed?");
        assertThat(license.isStatedBy("StringZilla is licensed under Apache 2.0.", "")).isTrue();
        assertThat(license.isStatedBy("My StringZilla library has many users in Python.", "")).isFalse();
        assertThat(license.isStatedBy("The library is licensed under Apache 2.0.", "Intro\nStringZilla at scale\nAsh"))
                .isTrue();
    }

    @Test
    void should_read_attributes_behind_what_is_the_and_people_behind_who_made() {
        ExpectedAnswer price = ExpectedAnswer.of("What is the retail price of the NVIDIA DGX Spark?");
        assertThat(price.form()).isEqualTo(Form.QUANTITY);
        assertThat(price.names()).containsExactly("NVIDIA DGX Spark");
        assertThat(ExpectedAnswer.of("How much quicker did CPython become?").slot()).isEmpty();
        assertThat(ExpectedAnswer.of("Who designed the card game Regicide?").form()).isEqualTo(Form.PERSON);
        assertThat(ExpectedAnswer.of("Who was the lead author of the NANDA report?").form()).isEqualTo(Form.PERSON);
        assertThat(ExpectedAnswer.of("Who argued that digitalization disrupts workers?").isCheckable()).isFalse();
    }

    @Test
    void should_want_a_new_person_for_who_made_questions() {
        ExpectedAnswer expected = ExpectedAnswer.of("Who drew the card faces of Windows Solitaire?");

        String passage = "Windows Solitaire shipped in 1990. Susan Kare designed the card faces.";
        assertThat(expected.isStatedBy("Susan Kare designed the card faces.", passage)).isTrue();
        assertThat(expected.isStatedBy("In Windows Solitaire, the card faces were drawn by hand.", passage)).isFalse();
    }

    @Test
    void should_want_half_of_the_names_and_accept_a_shorter_spelling() {
        ExpectedAnswer expected = ExpectedAnswer.of(
                "How long did Simon Willison's Fly.io app take to start after Claude Code worked on it?");
        assertThat(expected.names()).containsExactly("Simon Willison", "Fly.io", "Claude Code");

        assertThat(expected.isStatedBy("Claude Code arrived in 2025.", "Context windows\nSomeone Else"))
                .as("one name of three").isFalse();
        assertThat(expected.isStatedBy("It now starts in 2 seconds.", "My Fly.io app\nSimon Willison")).isTrue();

        ExpectedAnswer python = ExpectedAnswer.of("How much faster did CPython get without its switch?");
        assertThat(python.isStatedBy("Removing it made the Python interpreter 15 to 20% faster.", "")).isTrue();
    }

    @Test
    void should_accept_a_name_stated_without_the_word_name() {
        ExpectedAnswer expected = ExpectedAnswer.of("What is the name of Armin's new company?");

        assertThat(expected.isStatedBy("Armin's new company is called Earendil.", "")).isTrue();
        assertThat(expected.isStatedBy("Armin started a new company last year.", "")).isFalse();
    }

    @Test
    void should_tell_whether_a_text_is_about_what_the_question_names() {
        ExpectedAnswer expected = ExpectedAnswer.of("How long does Buttondown's test suite take on Blacksmith?");

        assertThat(expected.isAbout("Why our pytest suite is slow. Buttondown's tests run in parallel.")).isTrue();
        assertThat(expected.isAbout("Claude did it in an hour for all tests.")).isFalse();
        assertThat(ExpectedAnswer.of("How long does the test suite take?").isAbout("Anything.")).isTrue();
    }

    @Test
    void should_accept_a_language_by_what_is_written_in_it_and_a_version_by_its_number() {
        ExpectedAnswer language = ExpectedAnswer.of("Which programming language is Firecracker written in?");
        assertThat(language.isStatedBy("Firecracker is written in Rust.", "")).isTrue();
        assertThat(language.isStatedBy("Firecracker runs small virtual machines.", "")).isFalse();

        ExpectedAnswer version = ExpectedAnswer.of("What version of Dolma did OLMo train on?");
        assertThat(version.form()).isEqualTo(Form.QUANTITY);
        assertThat(version.isStatedBy("OLMo's corpus (Dolma v1.7) includes a web crawl.", "")).isTrue();
        assertThat(version.isStatedBy("OLMo's corpus includes a web crawl.", "")).isFalse();
    }
}
