package dev.footnote.corpus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.footnote.text.Text;

/**
 * The set of overlapping {@value #SIZE}-word sequences of a text, after {@link Text#normalize}. Two texts that
 * share most of their shingles share most of their wording, whatever their punctuation, quotes or layout.
 */
final class Shingles {

    static final int SIZE = 5;

    private final Set<Long> hashes;

    private Shingles(Set<Long> hashes) {
        this.hashes = hashes;
    }

    static Shingles of(String text) {
        List<String> words = Text.words(text);
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i + SIZE <= words.size(); i++) {
            hashes.add(hash(words.subList(i, i + SIZE)));
        }
        return new Shingles(hashes);
    }

    int size() {
        return hashes.size();
    }

    boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** The share of this text's shingles that also occur in {@code other}: 1.0 when fully contained. */
    double containedIn(Shingles other) {
        if (hashes.isEmpty()) {
            return 0;
        }
        long shared = hashes.stream().filter(other.hashes::contains).count();
        return (double) shared / hashes.size();
    }

    private static long hash(List<String> words) {
        long h = 0xcbf29ce484222325L;
        for (String word : words) {
            for (int i = 0; i < word.length(); i++) {
                h = (h ^ word.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ ' ') * 0x100000001b3L;
        }
        return h;
    }
}
