package dev.footnote.openai;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.footnote.chat.Citation;

/**
 * A chat completion as OpenAI returns it, with two members of Footnote's own that standard clients ignore: the
 * answer's {@code citations}, one for each {@code [n]} of the text, and whether the answer is {@code grounded}.
 */
@Schema(name = "ChatCompletion")
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
        @Schema(description = "the citations of the answer: [n] in the text is the citation n")
        List<Citation> citations,
        @Schema(description = "false when the essays do not cover the question (then there are no citations)")
        boolean grounded) {

    static final String STOP = "stop";

    static ChatCompletion of(String id, long created, String content, Usage usage, List<Citation> citations,
            boolean grounded) {
        return new ChatCompletion(id, "chat.completion", created, OpenAiResource.MODEL,
                List.of(new Choice(0, new Message("assistant", content), STOP)), usage, citations, grounded);
    }

    @Schema(name = "ChatCompletionChoice")
    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    @Schema(name = "ChatCompletionAnswer")
    record Message(String role, String content) {
    }

    /** Word pieces of the messages read and of the answer written, as the embedding model's tokenizer counts them. */
    @Schema(name = "ChatCompletionUsage")
    record Usage(@JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {

        static Usage of(int prompt, int completion) {
            return new Usage(prompt, completion, prompt + completion);
        }
    }
}
