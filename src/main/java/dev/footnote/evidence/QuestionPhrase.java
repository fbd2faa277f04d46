package dev.footnote.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrase of a question that says what kind of answer it wants ("how many GPUs", "what license", "who
 * designed"), where it stands in the question, and the word the answer must hold, if any.
 *
 * @param slot  the word the answer must contain ("gpus", "license"), or {@code null}
 * @param start where the phrase starts in the lower-cased question
 * @param end   where it ends: the question's names are looked for outside it
 */
record QuestionPhrase(ExpectedAnswer.Form form, String slot, int start, int end) {

    static final Set<String> AUXILIARIES = Set.of("did", "does", "do", "is", "are", "was", "were", "has",
            "have", "had", "can", "could", "will", "would", "should", "may", "might", "must");
    private static final Set<String> PREPOSITIONS = Set.of("for", "of", "in", "on", "at", "to", "from", "with",
            "by", "about", "than", "per", "into", "over", "under");
    private static final Set<String> COMPARATIVES = Set.of("bigger", "smaller", "larger", "more", "less", "fewer",
            "faster", "quicker", "slower", "cheaper", "dearer", "longer", "shorter", "higher", "lower", "better",
            "worse", "greater", "easier", "harder", "heavier", "lighter", "wider", "deeper", "stronger", "weaker",
            "richer", "poorer", "older", "newer", "safer");
    private static final Set<String> QUANTITY_NOUNS = Set.of("percentage", "percent", "fraction", "proportion",
            "share", "number", "amount", "price", "cost", "fee", "size", "count", "total", "salary", "budget",
            "version");
    private static final Set<String> DATE_NOUNS = Set.of("year", "date", "decade", "month", "day");
    private static final Set<String> ATTRIBUTE_NOUNS = Set.of("license", "licence", "language", "name",
            "founder", "company", "city", "country", "location", "headquarters", "university");
    private static final Pattern WHO_MADE = Pattern.compile("^who (?:(?:designed|founded|created|invented|built|"
            + "wrote|painted|drew|coined|discovered|developed|led|started|composed|directed)\\b|(?:is|was|are|were) "
            + "the (?:[\\w-]+ )?(?:author|founder|designer|creator|inventor|developer|maintainer|ceo)\\b)");
    private static final Pattern HOW_MANY = Pattern.compile("\\bhow (many|much)\\b((?: [\\w'-]+)*)");
    private static final Pattern HOW_MEASURE = Pattern.compile(
            "\\bhow (long|big|large|fast|old|far|tall|heavy|expensive|wide|small|quickly|soon)\\b");
    private static final Pattern WHAT_NOUN = Pattern.compile(
            "\\b(?:what|which)(?: (?:is|was|are|were) the)?((?: [\\w'-]+){1,3})");
    private static final Pattern WHEN = Pattern.compile("\\bwhen (did|was|were|is|does|will|do|are)\\b");

    /** The question's phrase, or an {@code OPEN} one of no length when it asks for no checkable form. */
    static QuestionPhrase of(String lowerQuestion) {
        return quantity(lowerQuestion).or(() -> measure(lowerQuestion)).or(() -> whatNoun(lowerQuestion))
                .or(() -> when(lowerQuestion)).or(() -> whoMade(lowerQuestion))
                .orElse(new QuestionPhrase(ExpectedAnswer.Form.OPEN, null, 0, 0));
    }

    private static Optional<QuestionPhrase> quantity(String question) {
        Matcher m = HOW_MANY.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> noun = new ArrayList<>();
        for (String word : m.group(2).strip().split(" ")) {
            if (word.isEmpty() || AUXILIARIES.contains(word) || PREPOSITIONS.contains(word)) {
                break;
            }
            noun.add(word);
        }
        int end = m.start(2) + (noun.isEmpty() ? 0 : String.join(" ", noun).length() + 1);
        if (noun.isEmpty() || COMPARATIVES.contains(noun.get(0))) {
            return Optional.of(new QuestionPhrase(ExpectedAnswer.Form.QUANTITY, null, m.start(), Math.max(end, m.end(1))));
        }
        String counted = noun.get(noun.size() - 1).replaceAll("'s$", "");
        return Optional.of(new QuestionPhrase(ExpectedAnswer.Form.QUANTITY, counted, m.start(), end));
    }

    private static Optional<QuestionPhrase> measure(String question) {
        Matcher m = HOW_MEASURE.matcher(question);
        return m.find() ? Optional.of(new QuestionPhrase(ExpectedAnswer.Form.QUANTITY, null, m.start(), m.end())) : Optional.empty();
    }

    private static Optional<QuestionPhrase> whatNoun(String question) {
        Matcher m = WHAT_NOUN.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        int end = m.start(1);
        for (String word : m.group(1).strip().split(" ")) {
            if (AUXILIARIES.contains(word) || word.equals("the") || word.equals("a") || word.equals("an")) {
                break;
            }
            end += word.length() + 1;
            if (QUANTITY_NOUNS.contains(word)) {
                return Optional.of(new QuestionPhrase(ExpectedAnswer.Form.QUANTITY, null, m.start(), end));
            }
            if (DATE_NOUNS.contains(word)) {
                return Optional.of(new QuestionPhrase(ExpectedAnswer.Form.DATE, null, m.start(), end));
            }
            if (ATTRIBUTE_NOUNS.contains(word)) {
                return Optional.of(new QuestionPhrase(ExpectedAnswer.Form.ATTRIBUTE, word, m.start(), end));
            }
        }
        return Optional.empty();
    }

    private static Optional<QuestionPhrase> whoMade(String question) {
        Matcher m = WHO_MADE.matcher(question);
        return m.find() ? Optional.of(new QuestionPhrase(ExpectedAnswer.Form.PERSON, null, m.start(), m.end())) : Optional.empty();
    }

    private static Optional<QuestionPhrase> when(String question) {
        Matcher m = WHEN.matcher(question);
        return m.find() ? Optional.of(new QuestionPhrase(ExpectedAnswer.Form.DATE, null, m.start(), m.end())) : Optional.empty();
    }
}
