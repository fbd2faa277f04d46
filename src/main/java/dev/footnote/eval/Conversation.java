package dev.footnote.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.footnote.chat.ChatService;
import dev.footnote.chat.Exchange;
import dev.footnote.chat.Trace;

/**
 * Asks the questions of a set as a user would: a follow-up ("and the scout pattern?") right after the question
 * it follows, with that exchange as its conversation, as a client that keeps its own history asks it; every
 * other question on its own. A follow-up whose question is not in the set, or comes after it, is asked alone.
 */
final class Conversation {

    private final ChatService chat;
    private final Map<String, Exchange> asked = new HashMap<>();
    private final Set<String> followed;

    /** A conversation over {@code questions}: it knows which of them a follow-up comes after. */
    Conversation(ChatService chat, List<EvalQuestion> questions) {
        this.chat = chat;
        this.followed = questions.stream().map(EvalQuestion::followUpOf).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    Trace ask(EvalQuestion question) {
        Exchange earlier = question.followUpOf() == null ? null : asked.get(question.followUpOf());
        Trace trace = chat.answerAfter(question.question(), earlier == null ? List.of() : List.of(earlier),
                Optional.empty(), null);
        if (question.id() != null) {
            asked.put(question.id(), new Exchange(question.question(), trace.answer()));
        }
        return trace;
    }

    /** The question as searched: a follow-up as the chat made it stand on its own, any other as written. */
    static String searched(EvalQuestion question, Trace trace) {
        return question.followUpOf() == null ? question.question() : trace.resolved().text();
    }

    /**
     * The question as searched, asking the chat only where the conversation needs it: for a follow-up, and for a
     * question a follow-up comes after. Every other question is searched as written, without an answer.
     */
    String searched(EvalQuestion question) {
        if (question.followUpOf() == null && !followed.contains(question.id())) {
            return question.question();
        }
        return searched(question, ask(question));
    }
}
