package dev.footnote.chat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a follow-up question stand on its own.
 *
 * <p><b>The rule</b> (used by every answerer, and alone by the extractive one): a question that refers to a
 * person with {@code he, she, him, her, his, hers} is about the author of the essay cited first in the
 * previous answer: the pronoun is replaced by that name and the search is limited to that author's essays.
 * A question that says {@code this/that/the essay} or {@code post} is limited to that essay. Otherwise the
 * question is searched as asked. A model, when there is one, also rewrites the question from the
 * conversation.
 */
final class FollowUps {

    private static final Pattern PERSON = Pattern.compile("\\b(he|she|him|her|his|hers)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ESSAY = Pattern.compile("\\b(this|that|the) (essay|post|article)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A question ready for search: its text and the filters the conversation implies. */
    record Resolved(String question, Optional<String> author, Optional<String> essayId) {
    }

    private final Answerer answerer;

    FollowUps(Answerer answerer) {
        this.answerer = answerer;
    }

    Resolved resolve(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return new Resolved(question, Optional.empty(), Optional.empty());
        }
        Turn previous = history.get(history.size() - 1);
        String text = answerer.rewrite(question, transcript(history)).orElse(question);
        Optional<String> author = Optional.empty();
        Matcher person = PERSON.matcher(text);
        if (previous.author() != null && person.find()) {
            author = Optional.of(previous.author());
            text = PERSON.matcher(text).replaceAll(m -> possessive(m.group(1)) ? previous.author() + "'s"
                    : previous.author());
        }
        Optional<String> essay = previous.essayId() != null && ESSAY.matcher(question).find()
                ? Optional.of(previous.essayId()) : Optional.empty();
        return new Resolved(text, author, essay);
    }

    private static boolean possessive(String pronoun) {
        return pronoun.equalsIgnoreCase("his") || pronoun.equalsIgnoreCase("hers");
    }

    static String transcript(List<Turn> history) {
        StringBuilder out = new StringBuilder();
        for (Turn turn : history) {
            out.append("User: ").append(turn.standalone()).append('\n');
            String answer = turn.answer().length() > 500 ? turn.answer().substring(0, 500) + " …" : turn.answer();
            out.append("Assistant: ").append(answer).append('\n');
        }
        return out.toString().strip();
    }
}
