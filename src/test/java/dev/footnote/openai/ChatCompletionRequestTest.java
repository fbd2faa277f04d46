package dev.footnote.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.web.JsonBodies;
import dev.footnote.web.ProblemException;

/** An OpenAI chat completion request bound strictly: content parts read as text, and each mistake named. */
class ChatCompletionRequestTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private final JsonBodies bodies = new JsonBodies(new ObjectMapper());

    @Test
    void should_read_content_parts_as_their_text_parts_one_per_line() {
        ChatCompletionRequest request = read("{\"model\": \"footnote\", \"temperature\": 0.2, \"messages\": ["
                + "{\"role\": \"system\", \"content\": null},"
                + "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"What is\"}, "
                + "{\"type\": \"image_url\", \"image_url\": {\"url\": \"x\"}}, {\"type\": \"text\", \"text\": \"Anubis?\"}]}"
                + "], \"stream\": true, \"stream_options\": {\"include_usage\": true}}");

        assertThat(request.messages()).extracting(ChatCompletionRequest.Message::text)
                .containsExactly("", "What is\nAnubis?");
        assertThat(request.streamed()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.footer()).isEmpty();
    }

    @Test
    void should_name_each_mistake_as_the_request_spells_it() {
        refused("{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}]}",
                "\"model\" is required and must be a string: \"footnote\"");
        refused("{\"model\": \"footnote\", \"messages\": []}",
                "\"messages\" is required and must be a non-empty array of messages");
        refused("{\"model\": \"footnote\", \"messages\": [{\"role\": \"critic\", \"content\": \"q\"}]}",
                "messages[0].role must be one of system, developer, user, assistant, tool, function");
        refused("{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": 5}]}",
                "messages[0].content must be a string or an array of content parts");
        refused("{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": [{\"text\": \"q\"}]}]}",
                "messages[0].content must be a string or an array of content parts, each an object with a \"type\"");
        refused("{\"model\": \"footnote\", \"messages\": [null]}",
                "messages[0] must be an object with \"role\" and \"content\"");
        refused("{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": \"q\"}], \"stream\": 1}",
                "\"stream\" must be true or false");
        refused("{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": \"q\"}], "
                + "\"stream_options\": {\"include_usage\": \"yes\"}}", "\"stream_options.include_usage\" must be true "
                + "or false");
    }

    private ChatCompletionRequest read(String body) {
        return bodies.read("application/json", body, ChatCompletionRequest.class, "a JSON object", VALIDATOR,
                ChatCompletionRequest::fieldName);
    }

    private void refused(String body, String detail) {
        assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(ProblemException.class).hasMessage(detail);
    }
}
