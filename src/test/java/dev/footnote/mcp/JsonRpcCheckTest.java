package dev.footnote.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.mcp.JsonRpcCheck.Failure;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.ToolManager.ToolArgument;

class JsonRpcCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonRpcCheck check = new JsonRpcCheck(name -> null);

    @Test
    void should_refuse_a_message_that_is_not_an_object() throws JsonProcessingException {
        for (String body : new String[] { "[1,2]", "null", "\"q\"", "[]", "5", "[{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"ping\"}, 7]" }) {
            Failure failure = failure(body);
            assertThat(failure.code()).as(body).isEqualTo(JsonRpcErrorCodes.INVALID_REQUEST);
            assertThat(failure.invalidRequest()).isTrue();
        }
    }

    @Test
    void should_refuse_a_request_without_its_envelope() throws JsonProcessingException {
        assertThat(failure("{\"id\":1,\"method\":\"ping\"}").message()).contains("\"jsonrpc\" must be \"2.0\"");
        assertThat(failure("{\"jsonrpc\":\"2.0\",\"id\":1}").message()).contains("needs a \"method\"");
        assertThat(failure("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}").message()).contains("\"method\"");
        assertThat(failure("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}").message()).contains("\"id\"");
    }

    @Test
    void should_refuse_parameters_that_are_not_an_object_with_the_request_id() throws JsonProcessingException {
        for (String params : new String[] { "[1]", "\"q\"", "5" }) {
            Failure failure = failure("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":" + params
                    + "}");
            assertThat(failure.code()).isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
            assertThat(failure.id().asInt()).isEqualTo(7);
            assertThat(failure.invalidRequest()).isFalse();
        }
        assertThat(failure("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"ask\",\"arguments\":\"question=x\"}}").message()).isEqualTo("\"params.arguments\" must be a JSON object");
        assertThat(failure("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{}}").message())
                .contains("\"params.name\"");
        assertThat(failure("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/read\",\"params\":{\"uri\":5}}")
                .message()).contains("\"params.uri\"");
    }

    @Test
    void should_pass_well_formed_requests_notifications_and_responses() throws JsonProcessingException {
        for (String body : new String[] { "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\","
                        + "\"arguments\":{\"question\":\"x\"}}}" }) {
            assertThat(check.check(JSON.readTree(body))).as(body).isEmpty();
        }
    }

    @Test
    void should_take_only_json_integers_for_whole_number_arguments() throws JsonProcessingException {
        ToolArgument k = new ToolArgument("k", "", false, int.class, "5");
        for (String value : new String[] { "\"5\"", "1.5", "5.0", "1e309", "3000000000", "true" }) {
            assertThat(JsonRpcCheck.wrongType(k, JSON.readTree(value))).as(value)
                    .contains("\"k\" must be a whole number (a JSON integer such as 5, not \"5\" or 5.5)");
        }
        assertThat(JsonRpcCheck.wrongType(k, JSON.readTree("5"))).isEmpty();
        assertThat(JsonRpcCheck.wrongType(k, JSON.readTree("null"))).isEmpty();
    }

    @Test
    void should_take_only_strings_for_text_arguments() throws JsonProcessingException {
        ToolArgument source = new ToolArgument("source", "", true, String.class, null);
        assertThat(JsonRpcCheck.wrongType(source, JSON.readTree("5"))).contains("\"source\" must be a string");
        assertThat(JsonRpcCheck.wrongType(source, JSON.readTree("null"))).contains("\"source\" is required");
        assertThat(JsonRpcCheck.wrongType(source, JSON.readTree("\"a.txt\""))).isEmpty();
    }

    private Failure failure(String body) throws JsonProcessingException {
        Optional<Failure> failure = check.check(JSON.readTree(body));
        assertThat(failure).as(body).isPresent();
        return failure.get();
    }
}
