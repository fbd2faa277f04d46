package dev.footnote.openai;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import dev.footnote.text.StrictJson;

/**
 * A chat completion request as Footnote reads it: the body is bound to it strictly ({@link StrictJson}), checked
 * with Bean Validation, and OpenAPI shows it. The other fields of OpenAI's request ({@code temperature},
 * {@code max_tokens}, {@code tools}, …) are accepted and ignored: the answer comes from the essays, by Footnote's own
 * prompts and settings.
 */
@Schema(name = "ChatCompletionRequest", description = "An OpenAI chat completion request for the model \"footnote\"")
record ChatCompletionRequest(
        @Schema(required = true, enumeration = OpenAiResource.MODEL, description = "the model: \"footnote\"")
        @NotNull(message = "is required and must be a string: \"" + OpenAiResource.MODEL + "\"") String model,
        @Schema(required = true, minItems = 1, description = "the conversation; the last message is the user's "
                + "question, and system messages are ignored")
        @NotEmpty(message = "is required and must be a non-empty array of messages")
        @Valid List<@NotNull(message = "must be an object with \"role\" and \"content\"") Message> messages,
        @Schema(description = "answer as server-sent events of chat.completion.chunk objects, ending with "
                + "data: [DONE]") Boolean stream,
        @JsonProperty("stream_options") @Schema(description = "for a stream: whether a last chunk carries the usage")
        StreamOptions streamOptions,
        @JsonProperty("sources_footer") @Schema(description = "whether the answer's text ends with a list of its "
                + "sources (default footnote.openai.sources-footer)") Boolean sourcesFooter) {

    static final String SYSTEM = "system";
    static final String DEVELOPER = "developer";
    static final String USER = "user";
    static final String ASSISTANT = "assistant";
    static final String TOOL = "tool";
    static final String FUNCTION = "function";
    private static final String ROLES = "must be one of system, developer, user, assistant, tool, function";

    /**
     * A message of the conversation. Its content comes as a string or as content parts; once read, it is the
     * message's text, whatever form it came in.
     */
    @Schema(name = "ChatCompletionMessage")
    record Message(
            @Schema(required = true, enumeration = { SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL, FUNCTION })
            @NotNull(message = ROLES) @Pattern(regexp = "system|developer|user|assistant|tool|function",
                    message = ROLES) String role,
            @Schema(oneOf = { String.class, ContentPart[].class },
                    description = "a string, or content parts of which the text parts are read")
            @JsonDeserialize(using = ContentText.class) String content) {

        /** The text of the message, as read; none for no content. */
        String text() {
            return content == null ? "" : content;
        }
    }

    /** A part of a message's content; parts other than text (images, audio, files) are left out. */
    @Schema(name = "ChatCompletionContentPart")
    record ContentPart(@Schema(required = true, description = "\"text\" for a text part") String type,
            String text) {
    }

    @Schema(name = "ChatCompletionStreamOptions")
    record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }

    /** A field's path as a message names it: {@code messages[0].role} as it is, any other quoted. */
    static String fieldName(String path) {
        return path.startsWith("messages[") ? path.replace(".<list element>", "") : "\"" + path + "\"";
    }

    /** Whether the answer is streamed. */
    boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    /** Whether the answer's text ends with its sources, when the request says. */
    Optional<Boolean> footer() {
        return Optional.ofNullable(sourcesFooter);
    }

    /** Whether a stream ends with a chunk that carries the usage, as OpenAI's does when asked. */
    boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    /** A message's content as its text: the string, or its text parts one per line. */
    static final class ContentText extends StdDeserializer<String> {

        private static final String PARTS = "a string or an array of content parts";

        ContentText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode content = context.readTree(parser);
            if (content.isTextual()) {
                return content.asText();
            }
            if (!content.isArray()) {
                throw new StrictJson.ValueMismatch(parser, PARTS);
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode part : content) {
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw new StrictJson.ValueMismatch(parser, PARTS + ", each an object with a \"type\"");
                }
                if (part.get("type").asText().equals("text")) {
                    if (!part.path("text").isTextual()) {
                        throw new StrictJson.ValueMismatch(parser, PARTS + ", a part of type \"text\" with a string "
                                + "\"text\"");
                    }
                    texts.add(part.get("text").asText());
                }
            }
            return String.join("\n", texts);
        }
    }
}
