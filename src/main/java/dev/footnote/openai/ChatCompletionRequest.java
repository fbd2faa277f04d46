package dev.footnote.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import dev.footnote.web.ProblemException;

/**
 * A chat completion request as Footnote reads it; the schema is what OpenAPI shows of the body. The other
 * fields of OpenAI's request ({@code temperature}, {@code max_tokens}, {@code tools}, …) are accepted and ignored:
 * the answer comes from the essays, by Footnote's own prompts and settings.
 */
@Schema(name = "ChatCompletionRequest", description = "An OpenAI chat completion request for the model \"footnote\"")
record ChatCompletionRequest(
        @Schema(required = true, enumeration = OpenAiResource.MODEL, description = "the model: \"footnote\"")
        String model,
        @Schema(required = true, minItems = 1, description = "the conversation; the last message is the user's "
                + "question, and system messages are ignored") List<Message> messages,
        @Schema(description = "answer as server-sent events of chat.completion.chunk objects, ending with "
                + "data: [DONE]") boolean stream,
        @JsonProperty("stream_options") @Schema(description = "for a stream: whether a last chunk carries the usage")
        Optional<StreamOptions> streamOptions,
        @JsonProperty("sources_footer") @Schema(description = "whether the answer's text ends with a list of its "
                + "sources (default footnote.openai.sources-footer)") Optional<Boolean> sourcesFooter) {

    static final String SYSTEM = "system";
    static final String DEVELOPER = "developer";
    static final String USER = "user";
    static final String ASSISTANT = "assistant";
    static final String TOOL = "tool";
    static final String FUNCTION = "function";
    private static final List<String> ROLES = List.of(SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL, FUNCTION);

    /**
     * A message of the conversation. Its content comes as a string or as content parts; once read, it is the
     * message's text, whatever form it came in.
     */
    @Schema(name = "ChatCompletionMessage")
    record Message(
            @Schema(required = true, enumeration = { SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL, FUNCTION })
            String role,
            @Schema(oneOf = { String.class, ContentPart[].class },
                    description = "a string, or content parts of which the text parts are read") Object content) {

        /** The text of the message, as read. */
        String text() {
            return (String) content;
        }
    }

    /** A part of a message's content; parts other than text (images, audio, files) are left out. */
    @Schema(name = "ChatCompletionContentPart")
    record ContentPart(@Schema(required = true, description = "\"text\" for a text part") String type,
            String text) {
    }

    @Schema(name = "ChatCompletionStreamOptions")
    record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    /** Whether a stream ends with a chunk that carries the usage, as OpenAI's does when asked. */
    boolean includeUsage() {
        return streamOptions.map(StreamOptions::includeUsage).orElse(false);
    }

    /** The request in {@code root}, checked; a value of the wrong kind ends the request with a 400. */
    static ChatCompletionRequest read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw ProblemException.badRequest("the request body must be a JSON object with \"model\" and \"messages\"");
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual()) {
            throw ProblemException.badRequest("\"model\" is required and must be a string: \"" + OpenAiResource.MODEL
                    + "\"");
        }
        OpenAiResource.checkModel(model.asText());
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ProblemException.badRequest("\"messages\" is required and must be a non-empty array of messages");
        }
        List<Message> read = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            read.add(message(messages.get(i), "messages[" + i + "]"));
        }
        Optional<StreamOptions> options = Optional.empty();
        JsonNode streamOptions = root.get("stream_options");
        if (streamOptions != null && !streamOptions.isNull()) {
            if (!streamOptions.isObject()) {
                throw ProblemException.badRequest("\"stream_options\" must be an object");
            }
            options = Optional.of(new StreamOptions(flag(streamOptions.get("include_usage"),
                    "\"stream_options.include_usage\"").orElse(false)));
        }
        return new ChatCompletionRequest(model.asText(), List.copyOf(read),
                flag(root.get("stream"), "\"stream\"").orElse(false), options,
                flag(root.get("sources_footer"), "\"sources_footer\""));
    }

    private static Message message(JsonNode message, String field) {
        if (!message.isObject()) {
            throw ProblemException.badRequest(field + " must be an object with \"role\" and \"content\"");
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
            throw ProblemException.badRequest(field + ".role must be one of " + String.join(", ", ROLES));
        }
        return new Message(role.asText(), text(message.get("content"), field + ".content"));
    }

    /** The text of a message's content: the string, or its text parts one per line; none for no content. */
    private static String text(JsonNode content, String field) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw ProblemException.badRequest(field + " must be a string or an array of content parts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            if (!part.isObject() || !part.path("type").isTextual()) {
                throw ProblemException.badRequest(field + " must be a string or an array of content parts, each an "
                        + "object with a \"type\"");
            }
            if (part.get("type").asText().equals("text")) {
                JsonNode text = part.get("text");
                if (text == null || !text.isTextual()) {
                    throw ProblemException.badRequest(field + ": a part of type \"text\" needs a string \"text\"");
                }
                texts.add(text.asText());
            }
        }
        return String.join("\n", texts);
    }

    private static Optional<Boolean> flag(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ProblemException.badRequest(field + " must be true or false");
        }
        return Optional.of(value.asBoolean());
    }
}
