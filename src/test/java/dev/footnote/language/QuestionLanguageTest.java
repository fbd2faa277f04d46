package dev.footnote.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Questions in six other languages are told apart from every English question of the evaluation sets. */
@QuarkusTest
class QuestionLanguageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    QuestionLanguage language;

    @Test
    void should_recognise_questions_in_other_languages_on_subjects_the_essays_cover() throws IOException {
        List<String> questions = questions("other-languages.jsonl");
        assertThat(questions).hasSizeGreaterThanOrEqualTo(20);
        assertThat(questions).allSatisfy(q -> assertThat(language.isOtherLanguage(q)).as(q).isTrue());
    }

    @Test
    void should_read_every_english_question_as_english_even_short_ones_the_detector_alone_misreads()
            throws IOException {
        List<String> english = new ArrayList<>();
        for (String set : List.of("tune.jsonl", "holdout.jsonl", "public-questions.jsonl", "dev-questions.jsonl",
                "off-topic.jsonl")) {
            english.addAll(questions(set));
        }
        assertThat(english).hasSizeGreaterThan(250);
        assertThat(english).filteredOn(language::isOtherLanguage).isEmpty();
    }

    @Test
    void should_read_english_fragments_with_a_name_or_two_the_essays_never_use_as_english() throws IOException {
        assertThat(List.of("where does goedecke work", "goedecke def of taste", "brooker fav agent framework",
                "How does Sean Goedecke define taste in software engineering?", "how do you stop it"))
                .filteredOn(language::isOtherLanguage).isEmpty();
        // the writers' training questions, on which the rule was chosen: one of 698 is still misread
        List<String> training = questions("writers/splits/train.jsonl");
        assertThat(training).hasSizeGreaterThan(600);
        assertThat(training).filteredOn(language::isOtherLanguage).containsExactly("xe iaso spark max wattage");
    }

    private static List<String> questions(String file) throws IOException {
        List<String> questions = new ArrayList<>();
        try (InputStream in = QuestionLanguageTest.class.getResourceAsStream("/eval/" + file)) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode question = JSON.readTree(line);
                    questions.add(question.path("question").asText());
                }
            }
        }
        return questions;
    }
}
