package dev.footnote.chat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.footnote.search.PassageHit;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.injector.ContentInjector;

/**
 * Builds what a model reads: the system prompt, naming this request's fence marker, then the question with
 * the retrieved passages injected by {@link FencedPassageInjector}.
 */
final class PromptBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Prompts prompts;

    PromptBuilder(Prompts prompts) {
        this.prompts = prompts;
    }

    List<ChatMessage> answer(String question, List<PassageHit> passages) {
        String fence = newFence(passages);
        ContentInjector injector = new FencedPassageInjector(prompts, fence);
        return List.of(
                SystemMessage.from(prompts.render(Prompts.SYSTEM, Map.of("fence", fence))),
                injector.inject(passages.stream().map(FencedPassageInjector::content).toList(),
                        UserMessage.from(question)));
    }

    List<ChatMessage> rewrite(String question, String history) {
        return List.of(UserMessage.from(prompts.render(Prompts.REWRITE,
                Map.of("history", history, "question", question))));
    }

    /** A marker that occurs in none of the passages. */
    static String newFence(List<PassageHit> passages) {
        while (true) {
            byte[] bytes = new byte[12];
            RANDOM.nextBytes(bytes);
            String fence = "FENCE-" + HexFormat.of().formatHex(bytes);
            if (passages.stream().noneMatch(p -> p.text().contains(fence))) {
                return fence;
            }
        }
    }
}
