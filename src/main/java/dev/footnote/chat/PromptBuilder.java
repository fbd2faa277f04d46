package dev.footnote.chat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.footnote.search.PassageHit;

/**
 * Builds what a model reads: the system prompt, then the retrieved passages as numbered data blocks with
 * their essay's title and author, and the question.
 *
 * <p>Each block is fenced by lines carrying a marker drawn at random for this request. A passage cannot
 * close the fence early or pose as a new block, because it cannot know the marker; the system prompt names
 * the marker and says that fenced text is quotation, never instruction.
 */
final class PromptBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Prompts prompts;

    PromptBuilder(Prompts prompts) {
        this.prompts = prompts;
    }

    List<ChatMessage> answer(String question, List<PassageHit> passages) {
        String fence = newFence(passages);
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            PassageHit passage = passages.get(i);
            int n = i + 1;
            blocks.append("<<").append(fence).append(" passage ").append(n).append(">>\n")
                    .append("Essay: ").append(passage.essay().title()).append('\n')
                    .append("Author: ").append(Objects.requireNonNullElse(passage.essay().author(), "unknown"))
                    .append('\n')
                    .append(passage.text()).append('\n')
                    .append("<<").append(fence).append(" end of passage ").append(n).append(">>\n\n");
        }
        return List.of(
                SystemMessage.from(prompts.render(Prompts.SYSTEM, Map.of("fence", fence))),
                UserMessage.from(prompts.render(Prompts.ANSWER,
                        Map.of("passages", blocks.toString().strip(), "question", question))));
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
