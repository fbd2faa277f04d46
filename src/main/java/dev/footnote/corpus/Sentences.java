package dev.footnote.corpus;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sentence spans of a text (a paragraph, a passage, an answer), trimmed, by the JDK's English sentence rules. */
public final class Sentences {

    private Sentences() {
    }

    public static List<Span> of(String text) {
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
