package dev.footnote.config;

import java.util.Locale;

/** Who writes the answer ({@code footnote.llm.provider}), spelled in lower case in configuration. */
public enum LlmProvider {
    /** Offline: the answer quotes the sentences the evidence reader found. */
    EXTRACTIVE,
    /** Any server speaking OpenAI's chat-completions protocol. */
    OPENAI,
    /** An Ollama server. */
    OLLAMA;

    /** The name as configured and as answers report it: {@code extractive}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
