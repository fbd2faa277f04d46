package dev.footnote.chat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.footnote.corpus.Span;
import dev.footnote.corpus.Text;

/** Sentence spans of a short text (a passage or an answer), trimmed, by the JDK's English rules. */
final class Sentences {

    private Sentences() {
    }

    static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(text);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            Span span = Text.trim(text, start, end);
            if (span.length() > 0) {
                spans.add(span);
            }
        }
        return spans;
    }
}
