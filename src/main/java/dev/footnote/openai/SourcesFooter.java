package dev.footnote.openai;

import java.util.List;
import java.util.regex.Pattern;

import dev.footnote.chat.Citation;
import dev.footnote.text.Span;

/**
 * The readable list of an answer's sources, for clients that show only its text:
 * <pre>
 * Sources:
 * [1] Title — Author, source.txt, characters 12–90: “quote”
 * </pre>
 * one line per citation, numbered as the answer's markers, with the passage's characters in its file as
 * {@code ask} prints them. The list writes no {@code [n]} of its own: a marker inside a quote or title (an
 * essay's own footnote) is written with parentheses, so that every {@code [n]} in the text still has exactly one
 * citation.
 */
final class SourcesFooter {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)]");

    private SourcesFooter() {
    }

    /** The list to append to an answer, from two blank lines on; empty when the answer cites nothing. */
    static String of(List<Citation> citations) {
        if (citations.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n\nSources:");
        for (Citation c : citations) {
            Span quoted = c.quoteSpan();
            out.append("\n[").append(c.n()).append("] ").append(plain(c.essay().title())).append(" — ")
                    .append(c.essay().author() == null ? "author unknown" : plain(c.essay().author())).append(", ")
                    .append(plain(c.source())).append(", characters ").append(quoted.start()).append('–')
                    .append(quoted.end()).append(": “").append(plain(c.quote())).append('”');
        }
        return out.toString();
    }

    /** On one line, with no citation marker of its own. */
    static String plain(String text) {
        return MARKER.matcher(text.strip().replaceAll("\\s+", " ")).replaceAll("($1)");
    }
}
