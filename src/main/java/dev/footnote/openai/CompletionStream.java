package dev.footnote.openai;

import java.io.OutputStream;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.ChatListener;
import dev.footnote.chat.Citation;
import dev.footnote.web.ErrorResponse;
import dev.footnote.web.EventStream;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * Writes an answer as OpenAI streams a chat completion: server-sent events {@code data: {chat.completion.chunk}},
 * the role first, then the text in {@code delta.content} pieces as the answer is written, markers numbered as the
 * checked answer numbers them ({@link StreamedMarkers}), then a chunk with {@code finish_reason}, the
 * {@code citations} and {@code grounded}, a chunk with the usage if asked, and {@code data: [DONE]}.
 *
 * <p>The answer is checked against the passages once it is written. When the checked answer is not the text
 * that was streamed (a model's claim that no passage supports lost its marker, or the whole answer was withheld),
 * the checked answer follows it, introduced as such, so that the citations match the last text a client reads.
 * A failure after the stream has started is an {@code error} event with an {@link ErrorResponse}, which OpenAI
 * clients raise.
 */
final class CompletionStream implements ChatListener {

    static final String CHECKED = "Checked against the essays, the answer reads:\n";

    private final EventStream events;
    private final String id;
    private final long created;
    private final BooleanSupplier clientGone;
    private final StreamedMarkers markers = new StreamedMarkers();
    private final StringBuilder sent = new StringBuilder();

    CompletionStream(OutputStream out, ObjectMapper json, String id, long created, BooleanSupplier clientGone) {
        this.events = new EventStream(out, json);
        this.id = id;
        this.created = created;
        this.clientGone = clientGone;
    }

    /** The first chunk: who speaks. */
    void begin() {
        events.send(null, ChatCompletionChunk.delta(id, created, new ChatCompletionChunk.Delta("assistant", "")));
    }

    @Override
    public void citations(List<Citation> candidates) {
        markers.passages(candidates.size());
    }

    @Override
    public void token(String text) {
        content(markers.accept(text));
    }

    @Override
    public boolean abandoned() {
        return events.broken() || clientGone.getAsBoolean();
    }

    /**
     * Ends the stream with the checked answer: what it adds to the streamed text (the checked answer itself when
     * they differ, the list of sources when {@code footer}), then the citations, the usage if
     * {@code includeUsage}, and {@code [DONE]}.
     */
    void finish(ChatAnswer answer, boolean footer, boolean includeUsage, int promptTokens,
            TokenCountEstimator tokens) {
        content(markers.flush());
        String streamed = sent.toString().strip();
        if (!streamed.equals(answer.answer())) {
            content(streamed.isEmpty() ? answer.answer() : "\n\n" + CHECKED + answer.answer());
        }
        if (footer) {
            content(SourcesFooter.of(answer.citations()));
        }
        events.send(null, ChatCompletionChunk.finish(id, created, answer.citations(), answer.grounded()));
        if (includeUsage) {
            events.send(null, ChatCompletionChunk.usage(id, created, ChatCompletion.Usage.of(promptTokens,
                    tokens.estimateTokenCountInText(sent.toString()))));
        }
        events.send(null, "[DONE]");
    }

    /** Ends the stream with a failure, as OpenAI's streams report one. */
    void fail(ErrorResponse error) {
        events.send("error", error);
    }

    private void content(String text) {
        if (!text.isEmpty()) {
            sent.append(text);
            events.send(null, ChatCompletionChunk.delta(id, created, new ChatCompletionChunk.Delta(null, text)));
        }
    }
}
