package dev.footnote.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The hit rule of the evaluation sets: a passage hits when, after lower-casing, collapsing whitespace and
 * straightening quotes in both, it contains any five consecutive words of the evidence.
 */
public final class EvidenceMatcher {

    static final int WINDOW = 5;

    private final List<String> windows = new ArrayList<>();

    public EvidenceMatcher(List<String> evidences) {
        for (String evidence : evidences) {
            String[] words = normalize(evidence).split(" ");
            if (words.length < WINDOW) {
                windows.add(String.join(" ", words));
            }
            for (int i = 0; i + WINDOW <= words.length; i++) {
                windows.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + WINDOW)));
            }
        }
    }

    public boolean hits(String passage) {
        String text = normalize(passage);
        return windows.stream().anyMatch(text::contains);
    }

    static String normalize(String text) {
        return text.toLowerCase(java.util.Locale.ROOT)
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replaceAll("\\s+", " ").strip();
    }
}
