package dev.footnote.corpus;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentence spans of a text (a paragraph, a passage, an answer), trimmed, by the JDK's English sentence rules.
 * A line break always ends a sentence: in the essays a line is a paragraph, and a heading or list item has no
 * full stop to end it.
 */
public final class Sentences {

    private Sentences() {
    }

    public static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = lineEnd(text, lineStart);
            addSentences(text, lineStart, lineEnd, breaks, spans);
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return text.length();
    }

    private static void addSentences(String text, int lineStart, int lineEnd, BreakIterator breaks, List<Span> out) {
        if (Text.isBlank(text, lineStart, lineEnd)) {
            return;
        }
        breaks.setText(text.substring(lineStart, lineEnd));
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            Span span = Text.trim(text, lineStart + start, lineStart + end);
            if (span.length() > 0) {
                out.add(span);
            }
        }
    }
}
