package dev.footnote.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Authors as users type them: a full name, a surname, or any part of a name, in any case
 * ({@code willison}, {@code Simon Willison}, {@code Iaso}).
 */
public final class AuthorNames {

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}'-]+");
    /** Name parts shorter than this ("Xe", initials) are only matched as part of a longer typed name. */
    static final int MIN_PART_LENGTH = 3;

    private final List<String> authors;

    public AuthorNames(List<String> authors) {
        this.authors = List.copyOf(authors);
    }

    /** The authors whose name holds every word of {@code typed} as a whole word; empty when none does. */
    public List<String> matching(String typed) {
        List<String> words = words(typed);
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> matches = new ArrayList<>();
        for (String author : authors) {
            if (words(author).containsAll(words)) {
                matches.add(author);
            }
        }
        return matches;
    }

    /**
     * The author a question names, by full name or by a name part of at least {@value #MIN_PART_LENGTH}
     * letters that only one author has; the longest match wins ("Simon Willison" over "Simon"). In a question
     * that uses capitals at all, a lone name part counts only when capitalised, so that "brown bread" does not
     * name Simon Brown while "goedecke on reviews", typed all in lower case, names Sean Goedecke.
     */
    public Optional<String> namedIn(String question) {
        List<String> questionWords = words(question);
        List<String> candidates = new ArrayList<>();
        for (String author : authors) {
            List<String> parts = words(author);
            if (!parts.isEmpty() && containsRun(questionWords, parts)) {
                candidates.add(author);
            }
        }
        if (!candidates.isEmpty()) {
            return candidates.stream().max(Comparator.comparingInt(String::length));
        }
        boolean casual = question.equals(question.toLowerCase(Locale.ROOT));
        List<String> parts = casual ? questionWords : capitalised(question);
        for (String word : parts) {
            if (word.length() >= MIN_PART_LENGTH) {
                List<String> owners = authors.stream().filter(a -> words(a).contains(word)).toList();
                if (owners.size() == 1) {
                    return Optional.of(owners.get(0));
                }
            }
        }
        return Optional.empty();
    }

    /** The capitalised words of {@code text} but its first, which is capitalised as the start of a sentence. */
    private static List<String> capitalised(String text) {
        List<String> words = new ArrayList<>();
        String[] all = WORD_BREAK.split(text.strip());
        for (int i = 1; i < all.length; i++) {
            String word = all[i];
            if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0))) {
                words.addAll(words(word));
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

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
            String bare = word.replaceAll("^['-]+|['-]+$", "").replaceAll("'s$", "");
            if (!bare.isEmpty()) {
                words.add(bare);
            }
        }
        return words;
    }
}
