package dev.footnote.openai;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.footnote.chat.Citation;

/**
 * A piece of a streamed chat completion, as OpenAI streams it. The chunk that finishes the answer also carries
 * the answer's {@code citations} and {@code grounded}, as a completion does; a last chunk without choices
 * carries the {@code usage} when the request asked for it.
 */
@Schema(name = "ChatCompletionChunk")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
        ChatCompletion.Usage usage, List<Citation> citations, Boolean grounded) {

    static ChatCompletionChunk delta(String id, long created, Delta delta) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, OpenAiResource.MODEL,
                List.of(new Choice(0, delta, null)), null, null, null);
    }

    static ChatCompletionChunk finish(String id, long created, List<Citation> citations, boolean grounded) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, OpenAiResource.MODEL,
                List.of(new Choice(0, new Delta(null, null), ChatCompletion.STOP)), null, citations, grounded);
    }

    static ChatCompletionChunk usage(String id, long created, ChatCompletion.Usage usage) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, OpenAiResource.MODEL, List.of(), usage,
                null, null);
    }

    /** {@code finish_reason} is null until the last choice, as in OpenAI's chunks. */
    @Schema(name = "ChatCompletionChunkChoice")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Choice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {
    }

    /** The role in the first chunk, a piece of the text in the next ones, nothing in the last. */
    @Schema(name = "ChatCompletionDelta")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
    }
}
