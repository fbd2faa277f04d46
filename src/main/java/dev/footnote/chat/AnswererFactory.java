package dev.footnote.chat;

import java.time.Duration;
import java.util.List;

import dev.footnote.config.FootnoteConfig;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Creates the answerer named by {@code footnote.llm.provider}. Model clients never retry on their own: a
 * user waits at most the timeout (plus a second), then gets a 504 or 503 problem, not a silent fallback.
 */
final class AnswererFactory {

    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    static final String OPENAI_MODEL = "gpt-4o-mini";
    static final String OLLAMA_BASE_URL = "http://localhost:11434";
    static final String OLLAMA_MODEL = "llama3.1";

    private AnswererFactory() {
    }

    /** The configured answerer; a model's calls are recorded in {@code registry} ({@link ModelMetrics}). */
    static Answerer create(FootnoteConfig.Llm llm, PromptBuilder prompts, MeterRegistry registry) {
        String provider = llm.provider().id();
        Duration timeout = llm.timeout();
        List<ChatModelListener> listeners = List.of(new ModelMetrics(registry, provider));
        return switch (llm.provider()) {
            case EXTRACTIVE -> new ExtractiveAnswerer();
            case OPENAI -> {
                String baseUrl = llm.baseUrl().orElse(OPENAI_BASE_URL);
                String model = llm.model().orElse(OPENAI_MODEL);
                String key = llm.apiKey().orElse("none");
                yield new ModelAnswerer(provider,
                        OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model).timeout(timeout)
                                .maxRetries(0).listeners(listeners).build(),
                        OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model)
                                .timeout(timeout).listeners(listeners).build(),
                        prompts, timeout);
            }
            case OLLAMA -> {
                String baseUrl = llm.baseUrl().orElse(OLLAMA_BASE_URL);
                String model = llm.model().orElse(OLLAMA_MODEL);
                OllamaChatModel.OllamaChatModelBuilder chat = OllamaChatModel.builder().maxRetries(0);
                chat.baseUrl(baseUrl).modelName(model).timeout(timeout).listeners(listeners);
                OllamaStreamingChatModel.OllamaStreamingChatModelBuilder streaming = OllamaStreamingChatModel.builder();
                streaming.baseUrl(baseUrl).modelName(model).timeout(timeout).listeners(listeners);
                yield new ModelAnswerer(provider, chat.build(), streaming.build(), prompts, timeout);
            }
        };
    }
}
