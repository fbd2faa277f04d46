package dev.footnote.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footnote.text.Text;

/**
 * The kind of answer a factual question asks for, read from its wording (the "expected answer type" of
 * classic question answering), and the names it is about.
 *
 * <p>Essays that discuss a subject often lack the one fact a question wants: how many GPUs a training run
 * used, under which license a library ships. Sentence similarity cannot tell the closest sentence about the
 * subject from one that states the fact. For four kinds of factual question the form of the fact can be
 * checked instead:
 * <ul>
 * <li>a <b>quantity</b> ("how many GPUs", "how long", "what is the price"): a number the question does not
 * hold, and, when the question names what is counted, that word;</li>
 * <li>a <b>date</b> ("when did", "what year"): a year, a month or a relative date;</li>
 * <li>a named <b>attribute</b> ("what license", "which language", "what is the name"): the attribute's word,
 * or one that states it ("licensed", "called");</li>
 * <li>a <b>maker</b> ("who designed", "who was the author of"): a person's name the question does not
 * hold.</li>
 * </ul>
 * Besides, the passage the sentence is quoted from, or its essay's title and author, must name at least half
 * of what the question is about ("FAIR", "OPT-175B"): a count of GPUs in a passage about some other training
 * run answers nothing. Other questions (why, how, what does the author think) can be answered in too many
 * forms to check, and are left to retrieval.
 */
public final class ExpectedAnswer {

    enum Form {
        QUANTITY, DATE, ATTRIBUTE, PERSON, OPEN
    }

    /** Words that state an attribute without naming it: "a tool called X", "MIT-licensed", "written in Go". */
    private static final Map<String, List<String>> ATTRIBUTE_STEMS = Map.of("license", List.of("licen"),
            "licence", List.of("licen"), "name", List.of("name", "call", "dubb"),
            "language", List.of("languag", "written"));
    /** Capitalised words that open sentences or titles without naming anyone. */
    private static final Set<String> NOT_NAMES = Set.of("a", "an", "the", "in", "on", "at", "of", "for", "to", "and",
            "or", "but", "if", "so", "as", "by", "with", "from", "this", "that", "these", "those", "it", "its", "i",
            "we", "you", "he", "she", "they", "my", "our", "his", "her", "their", "when", "then", "after", "before");
    private static final Set<String> QUESTION_WORDS = Set.of("what", "which", "who", "whom", "whose", "when",
            "where", "why", "how");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
            "trillion", "trillions", "dozen", "dozens", "half", "twice", "double", "triple", "single");
    /** Month names except "may", which is far more often the verb. */
    private static final Set<String> DATE_WORDS = Set.of("january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december", "yesterday", "today", "ago", "tomorrow");

    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)s?\\b");
    /** Two or more capitalised words, perhaps with initials between: "Susan Kare", "Gary S. Becker". */
    private static final Pattern PERSON_NAME = Pattern.compile(
            "\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}\\.?)*(?: \\p{Lu}[\\p{Ll}'’-]+)+");
    /** A word of letters and digits, with inner dots, dashes or apostrophes: "OPT-175B", "Fly.io", "Goedecke's". */
    private static final Pattern WORD = Pattern.compile(
            "\\p{L}[\\p{L}\\p{N}'’.-]*[\\p{L}\\p{N}]|\\p{N}[\\p{L}\\p{N}'’.-]*[\\p{L}\\p{N}]");

    private final Form form;
    private final String slot;
    private final List<String> names;
    private final Set<String> questionNumbers;
    private final Set<String> questionWords;

    private ExpectedAnswer(Form form, String slot, List<String> names, String question) {
        this.form = form;
        this.slot = slot;
        this.names = names;
        this.questionNumbers = numbers(question);
        this.questionWords = Set.copyOf(Text.words(question));
    }

    public static ExpectedAnswer of(String question) {
        String lower = question.toLowerCase(Locale.ROOT).replace('’', '\'');
        QuestionPhrase found = QuestionPhrase.of(lower);
        return new ExpectedAnswer(found.form(), found.slot(), names(question, found), question);
    }

    Form form() {
        return form;
    }

    /** The word the answer must contain ("gpus", "license"), if any. */
    Optional<String> slot() {
        return Optional.ofNullable(slot);
    }

    /** The names the question is about, outside its question phrase: "FAIR", "OPT-175B", "Simon Willison". */
    List<String> names() {
        return names;
    }

    /** Whether a sentence's form can be checked against this question at all. */
    public boolean isCheckable() {
        return form != Form.OPEN;
    }

    /**
     * Whether {@code sentence} holds an answer of the expected form, in a {@code context} (the passage it is
     * quoted from, the essay's title and author) that names at least half of the things the question is
     * about: a reader checking the citation must see that the number is about them. Open questions accept
     * every sentence.
     */
    public boolean isStatedBy(String sentence, String context) {
        List<String> words = Text.words(sentence);
        boolean hasForm = switch (form) {
            case QUANTITY -> hasNewNumber(sentence) && (slot == null || mentions(words, slot));
            case DATE -> YEAR.matcher(sentence).find() || words.stream().anyMatch(DATE_WORDS::contains);
            case ATTRIBUTE -> mentions(words, slot);
            case PERSON -> namesSomeoneNew(sentence);
            case OPEN -> true;
        };
        return form == Form.OPEN || hasForm && isAbout(sentence + "\n" + context);
    }

    /** Whether {@code text} names at least half of what the question is about; true when it names nothing. */
    boolean isAbout(String text) {
        if (names.isEmpty()) {
            return true;
        }
        Set<String> words = new HashSet<>(Text.words(text));
        long named = names.stream().filter(name -> namedIn(name, words)).count();
        return named * 2 >= names.size();
    }

    /**
     * Capitalised or numbered words outside the question phrase, except the first word of the question and
     * question words: "FAIR", "OPT-175B", "StringZilla". Neighbours form one name ("Simon Willison"); a
     * possessive "'s" is dropped.
     */
    private static List<String> names(String question, QuestionPhrase phrase) {
        List<String> names = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        int previousEnd = -1;
        while (m.find()) {
            boolean possessive = m.group().matches(".*['’]s");
            String word = m.group().replaceAll("['’]s$", "");
            boolean inPhrase = m.start() < phrase.end() && m.end() > phrase.start();
            boolean named = !word.equals(word.toLowerCase(Locale.ROOT)) || word.chars().anyMatch(Character::isDigit);
            String lower = word.toLowerCase(Locale.ROOT);
            if (named && !inPhrase && m.start() > 0 && !word.equals("I") && !QUESTION_WORDS.contains(lower)
                    && !QuestionPhrase.AUXILIARIES.contains(lower)) {
                if (previousEnd > 0 && m.start() == previousEnd + 1 && question.charAt(previousEnd) == ' ') {
                    names.set(names.size() - 1, names.get(names.size() - 1) + " " + word);
                } else {
                    names.add(word);
                }
                previousEnd = possessive ? -1 : m.end();
            }
        }
        return List.copyOf(names);
    }

    /**
     * A name is mentioned when one of its distinctive parts is a word there, or a word of four letters or
     * more that the part starts or ends with: "OPT-175B" by "OPT-175", "CPython" by "Python".
     */
    private static boolean namedIn(String name, Set<String> words) {
        List<String> parts = Text.words(name);
        List<String> distinctive = parts.stream().filter(p -> p.length() >= 3 && !isDigits(p)).toList();
        for (String part : distinctive.isEmpty() ? parts : distinctive) {
            if (words.contains(part) || words.contains(part + "s")) {
                return true;
            }
            for (String word : words) {
                boolean shorterSpelling = word.length() >= 4 && part.length() > word.length()
                        && (part.startsWith(word) || part.endsWith(word));
                if (shorterSpelling) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A person's name (two or more capitalised words) that the question does not already hold. */
    private boolean namesSomeoneNew(String sentence) {
        Matcher m = PERSON_NAME.matcher(sentence);
        while (m.find()) {
            List<String> words = Text.words(m.group()).stream().filter(w -> !NOT_NAMES.contains(w)).toList();
            if (words.size() >= 2 && words.stream().noneMatch(questionWords::contains)) {
                return true;
            }
        }
        return false;
    }

    /** A word of the sentence starts with a stem of the slot: "license" matches "licensed", "gpus" "GPU". */
    private static boolean mentions(List<String> words, String slot) {
        String stem = slot.length() > 5 ? slot.substring(0, Math.max(5, slot.length() - 3)) : slot.replaceAll("s$", "");
        List<String> stems = ATTRIBUTE_STEMS.getOrDefault(slot, List.of(stem));
        return words.stream().anyMatch(w -> stems.stream().anyMatch(w::startsWith));
    }

    private boolean hasNewNumber(String sentence) {
        Set<String> numbers = numbers(sentence);
        numbers.removeAll(questionNumbers);
        return !numbers.isEmpty();
    }

    /** Numbers written in digits (compared by their digits) or in words. */
    private static Set<String> numbers(String text) {
        Set<String> numbers = new HashSet<>();
        for (String word : Text.words(text)) {
            if (word.chars().anyMatch(Character::isDigit)) {
                numbers.add(word.replaceAll("\\D", ""));
            } else if (NUMBER_WORDS.contains(word)) {
                numbers.add(word);
            }
        }
        return numbers;
    }

    private static boolean isDigits(String word) {
        return word.chars().allMatch(Character::isDigit);
    }
}
