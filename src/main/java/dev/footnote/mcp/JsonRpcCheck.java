package dev.footnote.mcp;

import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.footnote.text.JsonValues;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.ToolManager.ToolArgument;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;

/**
 * What a JSON-RPC message sent to {@code /mcp} must be before the MCP server reads it: an object (or a batch of
 * them) with {@code "jsonrpc": "2.0"}, a string {@code method} with object {@code params}, and for
 * {@code tools/call} a tool name and {@code arguments} whose values have the types the tool declares (a whole
 * number is a JSON integer, never a string, a fraction or an exponent past the range). Anything else gets a
 * JSON-RPC error that says what is wrong, instead of reaching code that would fail on it.
 */
final class JsonRpcCheck {

    /** A JSON-RPC error for the message, with the id it answers (null when none could be read). */
    record Failure(int code, String message, JsonNode id) {

        boolean invalidRequest() {
            return code == JsonRpcErrorCodes.INVALID_REQUEST || code == JsonRpcErrorCodes.PARSE_ERROR;
        }
    }

    private final Function<String, ToolInfo> tools;

    /** {@code tools} finds a tool by name, or null. */
    JsonRpcCheck(Function<String, ToolInfo> tools) {
        this.tools = tools;
    }

    /** The first thing wrong with {@code body}, a parsed JSON document, if any. */
    Optional<Failure> check(JsonNode body) {
        if (body.isArray()) {
            if (body.isEmpty()) {
                return invalid("an empty batch holds no request", null);
            }
            for (JsonNode message : body) {
                Optional<Failure> failure = message(message);
                if (failure.isPresent()) {
                    return failure;
                }
            }
            return Optional.empty();
        }
        return message(body);
    }

    private Optional<Failure> message(JsonNode message) {
        if (!message.isObject()) {
            return invalid("a JSON-RPC message must be a JSON object", null);
        }
        JsonNode id = message.get("id");
        if (id != null && !id.isTextual() && !id.isIntegralNumber() && !id.isNull()) {
            return invalid("\"id\" must be a string or a whole number", null);
        }
        if (!"2.0".equals(message.path("jsonrpc").textValue())) {
            return invalid("\"jsonrpc\" must be \"2.0\"", id);
        }
        JsonNode method = message.get("method");
        if (method == null) {
            return message.has("result") || message.has("error") ? Optional.empty()
                    : invalid("a JSON-RPC request needs a \"method\"", id);
        }
        if (!method.isTextual()) {
            return invalid("\"method\" must be a string", id);
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isObject()) {
            return invalidParams("\"params\" must be a JSON object", id);
        }
        return switch (method.textValue()) {
            case "tools/call" -> toolCall(params, id);
            case "resources/read" -> params == null || !params.path("uri").isTextual()
                    ? invalidParams("\"params.uri\" must be a string", id) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<Failure> toolCall(JsonNode params, JsonNode id) {
        if (params == null || !params.path("name").isTextual()) {
            return invalidParams("\"params.name\" must be the name of a tool", id);
        }
        JsonNode arguments = params.get("arguments");
        if (arguments == null || arguments.isNull()) {
            return Optional.empty();
        }
        if (!arguments.isObject()) {
            return invalidParams("\"params.arguments\" must be a JSON object", id);
        }
        ToolInfo tool = tools.apply(params.get("name").textValue());
        if (tool == null) {
            return Optional.empty(); // the server says which tools there are
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = arguments.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<String> wrong = tool.arguments().stream().filter(a -> a.name().equals(field.getKey()))
                    .findFirst().flatMap(argument -> wrongType(argument, field.getValue()));
            if (wrong.isPresent()) {
                return invalidParams(wrong.get(), id);
            }
        }
        return Optional.empty();
    }

    /** What is wrong with {@code value} for {@code argument}'s declared type, if anything. */
    static Optional<String> wrongType(ToolArgument argument, JsonNode value) {
        Type type = argument.type();
        String name = "\"" + argument.name() + "\"";
        if (value.isNull()) {
            return argument.required() ? Optional.of(name + " is required") : Optional.empty();
        }
        if (type == int.class || type == Integer.class) {
            return JsonValues.isWholeNumber(value) ? Optional.empty()
                    : Optional.of(name + " must be a whole number (a JSON integer such as 5, not \"5\" or 5.5)");
        }
        if (type == String.class) {
            return value.isTextual() ? Optional.empty() : Optional.of(name + " must be a string");
        }
        return Optional.empty();
    }

    private static Optional<Failure> invalid(String message, JsonNode id) {
        return Optional.of(new Failure(JsonRpcErrorCodes.INVALID_REQUEST, message, id));
    }

    private static Optional<Failure> invalidParams(String message, JsonNode id) {
        return Optional.of(new Failure(JsonRpcErrorCodes.INVALID_PARAMS, message, id));
    }
}
