package dev.footnote.chat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.search.AuthorNames;
import dev.footnote.search.PassageSearch;
import io.quarkus.arc.DefaultBean;

/**
 * Makes a follow-up question stand on its own: the query-transform stage.
 *
 * <p><b>Whose essays.</b> A question that names an author ("What does Armin Ronacher use Codex for?", "willison's
 * take on agents") is searched in that author's essays only, as {@code author=} would: the names are the served
 * essays' authors, matched as {@link AuthorNames#namedIn} says.
 *
 * <p><b>Who "he" or "she" is.</b> A question that refers to a person with {@code he, she, him, her, his,
 * hers} is about, in this order: the author the question itself names ("What did Karpathy say he would do
 * next?"); else the author the user named last in the conversation; else the author of the essay cited first
 * in the previous answer. The search is limited to that author's essays, and the extractive path puts the
 * name in place of the pronoun ("her essay" becomes "Xe Iaso's essay"). A question that says
 * {@code this/that/the essay} or {@code post} is limited to the essay cited first.
 *
 * <p>A model, when there is one, also rewrites the question from the conversation; the filters are decided
 * from the question as asked either way, so both paths retrieve alike.
 */
@Singleton
@DefaultBean
class FollowUps implements QueryResolver {

    private static final Pattern PERSON = Pattern.compile("\\b(he|she|him|her|his|hers)\\b(\\s+([\\p{L}'-]+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ESSAY = Pattern.compile("\\b(this|that|the) (essay|post|article)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words after which "her" is an object ("asked her about…"), not a possessive ("her essay"). */
    private static final Set<String> AFTER_OBJECT = Set.of("about", "and", "or", "but", "to", "for", "in", "on",
            "at", "with", "from", "as", "than", "that", "if", "when", "because", "so", "before", "after", "by",
            "of", "again", "too", "now", "then");

    private final QuestionRewriter rewriter;
    private final Supplier<AuthorNames> authors;

    /** With the served essays' authors, read afresh for each question: a newly indexed author is known at once. */
    @Inject
    FollowUps(QuestionRewriter rewriter, PassageSearch search) {
        this(rewriter, search::authorNames);
    }

    FollowUps(QuestionRewriter rewriter, Supplier<AuthorNames> authors) {
        this.rewriter = rewriter;
        this.authors = authors;
    }

    @Override
    public ResolvedQuestion resolve(String question, List<Turn> history) {
        ResolvedQuestion byRules = byRules(question, history);
        if (history.isEmpty()) {
            return byRules;
        }
        String text = rewriter.rewrite(question, transcript(history)).orElse(byRules.text());
        return new ResolvedQuestion(text, byRules.author(), byRules.essayId());
    }

    /** The question made standalone by the pronoun and essay rules alone: no model is asked to rewrite it. */
    @Override
    public ResolvedQuestion byRules(String question, List<Turn> history) {
        AuthorNames names = authors.get();
        Optional<String> inQuestion = names.namedIn(question);
        if (history.isEmpty()) {
            return new ResolvedQuestion(question, inQuestion, Optional.empty());
        }
        Turn previous = history.get(history.size() - 1);
        Optional<String> author = inQuestion;
        String standalone = question;
        if (PERSON.matcher(question).find()) {
            author = inQuestion.or(() -> namedEarlier(history, names)).or(() -> Optional.ofNullable(previous.author()));
            // "What did Karpathy say he would do next?" already names whom "he" means
            standalone = inQuestion.isPresent() ? question : author.map(name -> named(question, name)).orElse(question);
        }
        Optional<String> essay = previous.essayId() != null && ESSAY.matcher(question).find()
                ? Optional.of(previous.essayId()) : Optional.empty();
        return new ResolvedQuestion(standalone, author, essay);
    }

    /** The author the user named last in the conversation, if any. */
    private static Optional<String> namedEarlier(List<Turn> history, AuthorNames names) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Optional<String> named = names.namedIn(history.get(i).question());
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    /** The question with each pronoun replaced by {@code name}, possessives as possessives. */
    private static String named(String question, String name) {
        Matcher pronoun = PERSON.matcher(question);
        StringBuilder out = new StringBuilder();
        while (pronoun.find()) {
            String word = pronoun.group(1).toLowerCase(Locale.ROOT);
            String next = pronoun.group(3);
            boolean possessive = word.equals("his") || word.equals("hers")
                    || word.equals("her") && next != null && !AFTER_OBJECT.contains(next.toLowerCase(Locale.ROOT));
            String replacement = (possessive ? name + "'s" : name) + (next == null ? "" : pronoun.group(2));
            pronoun.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        pronoun.appendTail(out);
        return out.toString();
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
