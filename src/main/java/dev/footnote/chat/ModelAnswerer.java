package dev.footnote.chat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.footnote.evidence.Evidence;
import dev.footnote.search.PassageHit;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.smallrye.faulttolerance.api.Guard;

/**
 * An answerer backed by a model server through LangChain4j (OpenAI-compatible or Ollama). Every call is
 * bounded by the configured timeout; a failure or a timeout becomes a {@link ModelException}.
 */
final class ModelAnswerer implements Answerer, QuestionRewriter {

    /** How often a stream that is waiting for the model checks whether its reader is still there. */
    private static final long ABANDON_CHECK_MILLIS = 250;
    /** The circuit breaker opens when 3 of the last 4 calls failed, and lets a call through again after 30 s. */
    static final int BREAKER_WINDOW = 4;
    static final double BREAKER_FAILURE_RATIO = 0.75;
    static final Duration BREAKER_DELAY = Duration.ofSeconds(30);

    private final String provider;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final PromptBuilder prompts;
    private final Duration timeout;
    private final Guard breaker;

    ModelAnswerer(String provider, ChatModel chat, StreamingChatModel streaming, PromptBuilder prompts,
            Duration timeout) {
        this.provider = provider;
        this.chat = chat;
        this.streaming = streaming;
        this.prompts = prompts;
        this.timeout = timeout;
        this.breaker = Guard.create().withDescription(provider + " model server")
                .withTimeout().duration(callBound(timeout).toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().requestVolumeThreshold(BREAKER_WINDOW).failureRatio(BREAKER_FAILURE_RATIO)
                .delay(BREAKER_DELAY.toSeconds(), ChronoUnit.SECONDS).skipOn(ChatAbandonedException.class).done()
                .build();
    }

    /**
     * How long a whole call may take, body included. The HTTP clients' own timeout covers the wait for the
     * response's headers and each read, so a server that sends its headers and then trickles its body would
     * otherwise hold a request for as long as it keeps trickling. A second above the timeout, so that a stream's
     * own deadline ({@link #awaitUnlessAbandoned}) speaks first.
     */
    static Duration callBound(Duration timeout) {
        return timeout.plusSeconds(1);
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Optional<String> answer(String question, List<PassageHit> passages, Evidence evidence,
            TokenSink tokens) {
        List<ChatMessage> messages = prompts.answer(question, passages);
        return Optional.of(guarded(() -> tokens == null ? call(messages) : stream(messages, tokens)));
    }

    @Override
    public Optional<String> rewrite(String question, String history) {
        String rewritten = guarded(() -> call(prompts.rewrite(question, history))).strip();
        return rewritten.isEmpty() ? Optional.empty() : Optional.of(rewritten);
    }

    /**
     * A model call bounded as a whole and behind the circuit breaker: a call still running at its bound is
     * interrupted (which cancels the HTTP exchange) and fails as a timeout; once most of the recent calls
     * failed, the server is left alone for a while and requests fail at once with a 503 that says so, instead
     * of each waiting for its timeout.
     */
    private String guarded(Supplier<String> call) {
        try {
            return breaker.get(call, String.class);
        } catch (CircuitBreakerOpenException e) {
            throw new ModelException("the " + provider + " model server failed on most recent calls; Footnote "
                    + "stops calling it for " + BREAKER_DELAY.toSeconds() + " s", false, e);
        } catch (TimeoutException e) {
            Thread.interrupted(); // the bound's interrupt, should it land after the call gave up
            throw ModelException.from(provider, timeout, e);
        }
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
