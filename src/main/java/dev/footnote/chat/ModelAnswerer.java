package dev.footnote.chat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.footnote.evidence.Evidence;
import dev.footnote.search.PassageHit;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * An answerer backed by a model server through LangChain4j (OpenAI-compatible or Ollama). Every call is
 * bounded by the configured timeout; a failure or a timeout becomes a {@link ModelException}.
 */
final class ModelAnswerer implements Answerer {

    /** How often a stream that is waiting for the model checks whether its reader is still there. */
    private static final long ABANDON_CHECK_MILLIS = 250;

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
            TokenSink tokens) {
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

    private String stream(List<ChatMessage> messages, TokenSink tokens) {
        CompletableFuture<String> done = new CompletableFuture<>();
        try {
            streaming.chat(messages, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    if (tokens.abandoned()) {
                        done.completeExceptionally(new ChatAbandonedException());
                        // closes the model server's stream: it stops generating for a reader who has gone
                        context.streamingHandle().cancel();
                    } else {
                        tokens.accept(partial.text());
                    }
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
            return awaitUnlessAbandoned(done, tokens);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelException.from(provider, timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChatAbandonedException abandoned) {
                throw abandoned;
            }
            throw ModelException.from(provider, timeout, e.getCause());
        } catch (ChatAbandonedException e) {
            throw e;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            throw ModelException.from(provider, timeout, e);
        }
    }

    /**
     * The streamed answer, once complete. The client enforces the timeout too; this bounds the wait even if it
     * does not, and gives up early when the reader has gone before the model sent another piece.
     */
    private String awaitUnlessAbandoned(CompletableFuture<String> done, TokenSink tokens)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            try {
                return done.get(ABANDON_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (tokens.abandoned()) {
                    throw new ChatAbandonedException();
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }
}
