package dev.footnote.chat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.footnote.evidence.Evidence;
import dev.footnote.search.PassageHit;

/**
 * An answerer backed by a model server through LangChain4j (OpenAI-compatible or Ollama). Every call is
 * bounded by the configured timeout; a failure or a timeout becomes a {@link ModelException}.
 */
final class ModelAnswerer implements Answerer {

    private final String provider;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final PromptBuilder prompts;
    private final Duration timeout;

    ModelAnswerer(String provider, ChatModel chat, StreamingChatModel streaming, PromptBuilder prompts,
            Duration timeout) {
        this.provider = provider;
        this.chat = chat;
        this.streaming = streaming;
        this.prompts = prompts;
        this.timeout = timeout;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Optional<String> answer(String question, List<PassageHit> passages, Evidence evidence,
            Consumer<String> tokens) {
        List<ChatMessage> messages = prompts.answer(question, passages);
        return Optional.of(tokens == null ? call(messages) : stream(messages, tokens));
    }

    @Override
    public Optional<String> rewrite(String question, String history) {
        String rewritten = call(prompts.rewrite(question, history)).strip();
        return rewritten.isEmpty() ? Optional.empty() : Optional.of(rewritten);
    }

    private String call(List<ChatMessage> messages) {
        try {
            ChatResponse response = chat.chat(messages);
            return response.aiMessage().text() == null ? "" : response.aiMessage().text();
        } catch (RuntimeException e) {
            throw ModelException.from(provider, timeout, e);
        }
    }

    private String stream(List<ChatMessage> messages, Consumer<String> tokens) {
        CompletableFuture<String> done = new CompletableFuture<>();
        try {
            streaming.chat(messages, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    tokens.accept(partial);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response.aiMessage().text() == null ? "" : response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            // The client enforces the timeout too; this bounds the wait even if it does not.
            return done.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelException.from(provider, timeout, e);
        } catch (ExecutionException e) {
            throw ModelException.from(provider, timeout, e.getCause());
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            throw ModelException.from(provider, timeout, e);
        }
    }
}
