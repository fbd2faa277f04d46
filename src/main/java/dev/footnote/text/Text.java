package dev.footnote.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Character-level helpers shared by the parsers: Unicode-aware trimming and normalisation for matching. */
public final class Text {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Text() {
    }

    /** Whitespace in the broad sense: includes non-breaking spaces, which {@link String#strip()} keeps. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** Narrows {@code [start, end)} of {@code text} so that it neither starts nor ends with whitespace. */
    public static Span trim(String text, int start, int end) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    public static boolean isBlank(String text, int start, int end) {
        return trim(text, start, end).length() == 0;
    }

    /**
     * Folds the typographic variety of scraped text for comparisons: lower case, straight quotes, plain
     * spaces, no variation selectors or zero-width characters, single spaces. Never used for spans.
     */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (c == '\uFE0F' || c == '\uFE0E' || c == '\u200B' || c == '\u200C' || c == '\u200D') {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(fold(c));
        }
        return out.toString();
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
            case '\u2212', '\u2013', '\u2014' -> '-';
            default -> Character.toLowerCase(c);
        };
    }

    /** The words of {@code text} after {@link #normalize}, apostrophes dropped ("don't" is "don", "t"). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalize(text));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
