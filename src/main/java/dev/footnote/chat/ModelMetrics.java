package dev.footnote.chat;

import java.util.concurrent.TimeUnit;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records every call to a model server, as LangChain4j reports it to its listeners: how long it took
 * ({@code footnote.model.calls}, by provider and outcome) and the tokens it read and wrote
 * ({@code footnote.model.tokens}, by provider and direction).
 */
final class ModelMetrics implements ChatModelListener {

    private static final String STARTED = "footnote.started";

    private final MeterRegistry registry;
    private final String provider;

    ModelMetrics(MeterRegistry registry, String provider) {
        this.registry = registry;
        this.provider = provider;
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        context.attributes().put(STARTED, System.nanoTime());
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        record(context.attributes().get(STARTED), "ok");
        TokenUsage usage = context.chatResponse().tokenUsage();
        if (usage != null) {
            tokens("input", usage.inputTokenCount());
            tokens("output", usage.outputTokenCount());
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        record(context.attributes().get(STARTED), ModelException.isTimeout(context.error()) ? "timeout" : "error");
    }

    private void record(Object started, String outcome) {
        if (started instanceof Long nanos) {
            Timer.builder("footnote.model.calls").description("Calls to the model server")
                    .tag("provider", provider).tag("outcome", outcome).register(registry)
                    .record(System.nanoTime() - nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void tokens(String direction, Integer count) {
        if (count != null) {
            Counter.builder("footnote.model.tokens")
                    .description("Tokens read (input) and written (output) by the model")
                    .tag("provider", provider).tag("direction", direction).register(registry).increment(count);
        }
    }
}
