package dev.footnote.corpus;

import java.util.ArrayList;
import java.util.List;

import dev.footnote.text.Span;
import dev.footnote.text.Text;

/** One line of a source file: its span without the line terminator, and the span of its trimmed content. */
record Line(int number, Span raw, Span content) {

    boolean isBlank() {
        return content.length() == 0;
    }

    String text(String fileText) {
        return content.of(fileText);
    }

    /** Splits {@code text} at {@code \n}, {@code \r\n} and {@code \r}, keeping absolute offsets. */
    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= text.length(); i++) {
            boolean atEnd = i == text.length();
            char c = atEnd ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!atEnd || start < text.length()) {
                    lines.add(new Line(number++, new Span(start, i), Text.trim(text, start, i)));
                }
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return lines;
    }
}
