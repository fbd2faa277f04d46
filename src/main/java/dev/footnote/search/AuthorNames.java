package dev.footnote.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.footnote.text.Text;

/**
 * Authors as users type them: a full name, a surname, or the start of any part of a name, in any case
 * ({@code willison}, {@code Simon Willison}, {@code Iaso}, {@code simon w}). Names and questions are compared as
 * {@link Text#words}, so "Iaso's" holds "iaso".
 */
public final class AuthorNames {

    /** Name parts shorter than this ("Xe", initials) are only matched as part of a longer typed name. */
    static final int MIN_PART_LENGTH = 3;
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Each author with the words of the name, in order. */
    private final Map<String, List<String>> authors = new LinkedHashMap<>();

    public AuthorNames(List<String> authors) {
        authors.forEach(author -> this.authors.put(author, Text.words(author)));
    }

    /**
     * The authors whose name starts a distinct word with each word of {@code typed}, in any order: {@code
     * willi}, {@code simon w} and {@code Sim Will} all match Simon Willison, as do whole words. Empty when none
     * does.
     */
    public List<String> matching(String typed) {
        List<String> words = Text.words(typed);
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> matches = new ArrayList<>();
        authors.forEach((author, parts) -> {
            if (prefixesOfDistinctParts(words, 0, parts, new boolean[parts.size()])) {
                matches.add(author);
            }
        });
        return matches;
    }

    /** Whether {@code typed} from {@code next} on can each start a different part not yet {@code used}. */
    private static boolean prefixesOfDistinctParts(List<String> typed, int next, List<String> parts, boolean[] used) {
        if (next == typed.size()) {
            return true;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!used[i] && parts.get(i).startsWith(typed.get(next))) {
                used[i] = true;
                boolean rest = prefixesOfDistinctParts(typed, next + 1, parts, used);
                used[i] = false;
                if (rest) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The author a question names, by full name or by a name part of at least {@value #MIN_PART_LENGTH}
     * letters that only one author has; the longest match wins ("Simon Willison" over "Simon"). In a question
     * that uses capitals at all, a lone name part counts only when capitalised, and not as the question's first
     * word, so that "brown bread" does not name Simon Brown while "goedecke on reviews", typed all in lower
     * case, names Sean Goedecke.
     */
    public Optional<String> namedIn(String question) {
        List<String> questionWords = Text.words(question);
        Optional<String> byFullName = authors.entrySet().stream()
                .filter(author -> !author.getValue().isEmpty() && containsRun(questionWords, author.getValue()))
                .map(Map.Entry::getKey).max(Comparator.comparingInt(String::length));
        if (byFullName.isPresent()) {
            return byFullName;
        }
        boolean casual = question.equals(question.toLowerCase(Locale.ROOT));
        for (String word : casual ? questionWords : capitalised(question)) {
            if (word.length() >= MIN_PART_LENGTH) {
                List<String> owners = authors.entrySet().stream().filter(author -> author.getValue().contains(word))
                        .map(Map.Entry::getKey).toList();
                if (owners.size() == 1) {
                    return Optional.of(owners.get(0));
                }
            }
        }
        return Optional.empty();
    }

    /** The words of the capitalised tokens of {@code text} but its first, capitalised as a sentence's start. */
    private static List<String> capitalised(String text) {
        List<String> words = new ArrayList<>();
        String[] tokens = WORD_BREAK.split(text.strip());
        for (int i = 1; i < tokens.length; i++) {
            if (!tokens[i].isEmpty() && Character.isUpperCase(tokens[i].codePointAt(0))) {
                words.addAll(Text.words(tokens[i]));
            }
        }
        return words;
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        for (int i = 0; i + run.size() <= words.size(); i++) {
            if (words.subList(i, i + run.size()).equals(run)) {
                return true;
            }
        }
        return false;
    }
}
