package dev.footnote.passage;

import java.util.ArrayList;
import java.util.List;

import dev.footnote.text.Sentences;
import dev.footnote.text.Span;
import dev.footnote.text.Text;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * Cuts paragraphs into sentences with the JDK's English sentence rules. A paragraph boundary always ends a
 * sentence. A "sentence" longer than the model can read (a flattened list or table without full stops) is
 * cut further at the last clause mark ({@code ; : ,}) or space that keeps each piece within the limit: the
 * only place where a passage may end inside a sentence.
 */
final class SentenceSplitter {

    private final TokenCountEstimator tokens;
    private final int maxTokens;

    SentenceSplitter(TokenCountEstimator tokens, int maxTokens) {
        this.tokens = tokens;
        this.maxTokens = maxTokens;
    }

    List<Sentence> split(String fileText, List<Span> paragraphs) {
        List<Sentence> sentences = new ArrayList<>();
        for (Span paragraph : paragraphs) {
            for (Span local : Sentences.of(paragraph.of(fileText))) {
                Span span = new Span(paragraph.start() + local.start(), paragraph.start() + local.end());
                Sentence previous = sentences.isEmpty() ? null : sentences.get(sentences.size() - 1);
                if (!hasWords(span.of(fileText)) && previous != null && previous.span().end() > paragraph.start()) {
                    // A stray "↩" or ". ↩" belongs to the sentence before it.
                    sentences.remove(sentences.size() - 1);
                    span = new Span(previous.span().start(), span.end());
                }
                addWithinLimit(fileText, span, sentences);
            }
        }
        return sentences;
    }

    private static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private void addWithinLimit(String fileText, Span span, List<Sentence> out) {
        int count = tokens.estimateTokenCountInText(span.of(fileText));
        if (count <= maxTokens) {
            out.add(new Sentence(span, count, true));
            return;
        }
        int cut = cutPoint(fileText, span);
        addWithinLimit(fileText, Text.trim(fileText, span.start(), cut), out);
        addWithinLimit(fileText, Text.trim(fileText, cut, span.end()), out);
    }

    /** The last clause mark (else space) before the point where the first part would reach the limit. */
    private int cutPoint(String fileText, Span span) {
        int low = span.start() + 1;
        int high = span.end() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (tokens.estimateTokenCountInText(fileText.substring(span.start(), mid)) <= maxTokens) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        int limit = low;
        int space = -1;
        for (int i = limit - 1; i > span.start(); i--) {
            char c = fileText.charAt(i);
            if ((c == ';' || c == ':' || c == ',') && i + 1 < limit && Text.isSpace(fileText.charAt(i + 1))) {
                if (i - span.start() > (limit - span.start()) / 2) {
                    return i + 1;
                }
                break;
            }
            if (space < 0 && Text.isSpace(c)) {
                space = i;
            }
        }
        return space > span.start() ? space : limit;
    }
}
