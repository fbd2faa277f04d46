package dev.footnote.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.ChatService;
import dev.footnote.chat.Exchange;

/**
 * Asks the questions of a set as a user would: a follow-up ("and the scout pattern?") right after the question
 * it follows, with that exchange as its conversation, as a client that keeps its own history asks it; every
 * other question on its own. A follow-up whose question is not in the set, or comes after it, is asked alone.
 */
final class Conversation {

    private final ChatService chat;
    private final Map<String, Exchange> asked = new HashMap<>();

    Conversation(ChatService chat) {
        this.chat = chat;
    }

    ChatAnswer ask(EvalQuestion question) {
        Exchange earlier = question.followUpOf() == null ? null : asked.get(question.followUpOf());
        ChatAnswer answer = earlier == null ? chat.answerAlone(question.question())
                : chat.answerAfter(question.question(), List.of(earlier), Optional.empty(), null);
        if (question.id() != null) {
            asked.put(question.id(), new Exchange(question.question(), answer.answer()));
        }
        return answer;
    }

    /** The question as searched: a follow-up as the chat made it stand on its own, any other as written. */
    static String searched(EvalQuestion question, ChatAnswer answer) {
        return question.followUpOf() == null ? question.question() : answer.question();
    }
}
