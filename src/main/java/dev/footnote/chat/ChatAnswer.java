package dev.footnote.chat;

import java.util.List;

/**
 * An answer with its citations.
 *
 * @param grounded    {@code true} when the answer rests on cited passages; {@code false} when the essays do
 *                    not cover the question (then there are no citations)
 * @param provider    which answerer wrote it: {@code extractive}, {@code openai} or {@code ollama}
 * @param question    the question as searched: a follow-up is rewritten to stand on its own
 * @param unsupported answer sentences whose cited passage did not support them; their markers were removed
 */
public record ChatAnswer(String conversationId, String answer, boolean grounded, String provider,
        List<Citation> citations, String question, List<String> unsupported) {
}
