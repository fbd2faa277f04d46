package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.text.StrictJson;

/** A saved answer's citations, bound strictly: each mistake names its citation and field. */
class CitationsJsonTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final StrictJson JSON = new StrictJson(new ObjectMapper());
    private static final String CITATION = "{\"n\": 2, \"quote\": \"Q.\", \"text\": \"T Q.\", \"source\": \"a.txt\", "
            + "\"start\": 10, \"end\": 14, \"sha256\": \"ab\", \"textStart\": 3, \"rank\": 1}";

    @Test
    void should_read_a_saved_answer_or_its_citations_alone() {
        CitedQuote expected = new CitedQuote(2, "Q.", "T Q.", "a.txt", 10, 14, "ab", 3);

        assertThat(parse("{\"answer\": \"A [1]\", \"citations\": [" + CITATION + "]}")).containsExactly(expected);
        assertThat(parse("[" + CITATION + "]")).containsExactly(expected);
        assertThat(parse("[{\"quote\": \"Q.\", \"source\": \"a.txt\", \"start\": 0, \"end\": 2}]"))
                .containsExactly(new CitedQuote(null, "Q.", null, "a.txt", 0, 2, null, null));
    }

    @Test
    void should_name_the_citation_and_field_of_each_mistake() {
        refused("{\"answer\": \"none\"}",
                "\"citations\" is required: send a chat answer with \"citations\", or an array of citations");
        refused("{\"citations\": \"none\"}", "\"citations\" must be an array");
        refused("[" + CITATION + ", 7]", "citation 2 must be a JSON object");
        refused("[" + CITATION + ", null]", "citation 2 must be an object");
        refused("[{\"quote\": \"x\", \"source\": \"a.txt\", \"start\": \"ten\", \"end\": 1}]",
                "citation 1: \"start\" must be a whole number");
        refused("[{\"quote\": \"x\", \"source\": \"a.txt\", \"start\": 0}]", "citation 1: \"end\" is required");
        refused("[{\"quote\": 5, \"source\": \"a.txt\", \"start\": 0, \"end\": 1}]",
                "citation 1: \"quote\" must be a string");
        refused("\"text\"", "answer.json must be a chat answer with \"citations\", or an array of citations");
        refused("[1] not json", "answer.json is not valid JSON: ");
    }

    private static List<CitedQuote> parse(String text) {
        return CitationsJson.parse(JSON, VALIDATOR, text, "answer.json");
    }

    private static void refused(String text, String message) {
        assertThatThrownBy(() -> parse(text)).as(text).isInstanceOf(InvalidCitationException.class)
                .message().startsWith(message).doesNotContain("dev.footnote").doesNotContain("java.");
    }
}
