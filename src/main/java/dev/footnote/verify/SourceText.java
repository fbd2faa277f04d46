package dev.footnote.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.footnote.text.Sentences;
import dev.footnote.text.Span;
import dev.footnote.text.Text;

/**
 * A corpus file as one verification reads it: its text, and, worked out once however many citations name the file,
 * its digest and its sentences with their words.
 */
final class SourceText {

    /** A sentence of the file and its distinct words. */
    record WordedSentence(Span span, Set<String> words) {
    }

    private final String text;
    private final String sha256;
    private List<WordedSentence> sentences;

    /** {@code text}: the file as offsets count it; {@code sha256}: the digest of the file's bytes. */
    SourceText(String text, String sha256) {
        this.text = text;
        this.sha256 = sha256;
    }

    String text() {
        return text;
    }

    String sha256() {
        return sha256;
    }

    List<WordedSentence> sentences() {
        if (sentences == null) {
            sentences = Sentences.of(text).stream()
                    .map(span -> new WordedSentence(span, new HashSet<>(Text.words(span.of(text))))).toList();
        }
        return sentences;
    }
}
