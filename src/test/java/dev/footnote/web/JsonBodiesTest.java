package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.web.ChatResource.ChatRequest;

/** A request body bound to its record and checked against its constraints: what each mistake is told. */
class JsonBodiesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final String JSON = "application/json";

    private final JsonBodies bodies = new JsonBodies(new ObjectMapper().findAndRegisterModules());

    @Test
    void should_bind_a_request_and_normalise_it() {
        ChatRequest request = read("{\"question\": \"  What is centaur chess? \", \"conversationId\": \" \", \"k\": 7,"
                + " \"unknown\": true}");

        assertThat(request.text()).isEqualTo("What is centaur chess?");
        assertThat(request.conversation()).isEmpty();
        assertThat(request.passages()).isEqualTo(Optional.of(7));
    }

    @Test
    void should_name_the_field_and_what_it_must_be() {
        refused("{}", "\"question\" is required and must not be blank");
        refused("{\"question\": 5}", "\"question\" must be a string");
        refused("{\"question\": {\"text\": \"wiki\"}}", "\"question\" must be a string");
        refused("{\"question\": \"" + "x".repeat(2001) + "\"}",
                "\"question\" is too long; at most 2000 characters are allowed");
        refused("{\"question\": \"wiki\\u0000\"}", "\"question\" must be plain text");
        refused("{\"question\": \"wiki\", \"conversationId\": 7}", "\"conversationId\" must be a string");
        for (String k : new String[] {"\"5\"", "5.0", "1e309", "true", "99999999999999999999"}) {
            refused("{\"question\": \"wiki\", \"k\": " + k + "}", "\"k\" must be a whole number");
        }
        refused("{\"question\": \"wiki\", \"k\": 0}", "\"k\" must be from 1 to 50");
        refused("{\"question\": \"wiki\", \"k\": 4294967301}", "\"k\" must be from 1 to 50");
        refused("{\"question\": \" \", \"k\": 51}",
                "\"k\" must be from 1 to 50; \"question\" is required and must not be blank");
    }

    @Test
    void should_take_one_json_object_and_nothing_else() {
        refused("[1, 2]", "the request body must be a JSON object with a \"question\"");
        refused("null", "the request body must be a JSON object with a \"question\"");
        refused("{\"question\": \"wiki\"} {}", "there is more after the first JSON value");
        refused("{\"question\": \"wiki\", \"question\": \"other\"}", "not valid JSON: Duplicate field 'question'");
        refused("{\"question\": ", "not valid JSON");
        assertThatThrownBy(() -> bodies.read("text/plain", "{\"question\": \"wiki\"}", ChatRequest.class, "x",
                VALIDATOR)).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(415));
    }

    private ChatRequest read(String body) {
        return bodies.read(JSON, body, ChatRequest.class, "a JSON object with a \"question\"", VALIDATOR);
    }

    private void refused(String body, String detail) {
        assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(detail).doesNotContain("com.fasterxml").doesNotContain("java.");
        });
    }
}
