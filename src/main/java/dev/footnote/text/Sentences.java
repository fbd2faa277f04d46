package dev.footnote.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentence spans of a text (a paragraph, a passage, an answer), trimmed, by the JDK's English sentence rules.
 * A line break always ends a sentence: in the essays a line is a paragraph, and a heading or list item has no
 * full stop to end it.
 *
 * <p>The JDK ends a sentence at any full stop before a capital, so a sentence is joined to the next where it
 * ends in an abbreviation that does not end sentences ("e.g.", "i.e.", "Dr.", "vs."), in an initial of a name
 * ("John F.", "J. R. R."), in "No." before a figure, or in an abbreviation that may end one ("etc.", "U.S.",
 * "p.m.") when the next one starts in lower case.
 */
public final class Sentences {

    /** Abbreviations that never end a sentence, in lower case. */
    private static final Set<String> INSIDE = Set.of("e.g.", "i.e.", "cf.", "vs.", "viz.", "mr.", "mrs.", "ms.",
            "dr.", "prof.", "st.", "jr.", "sr.", "fig.", "approx.", "ca.", "inc.", "ltd.", "co.");
    /** Abbreviations that may end a sentence: joined only when the next sentence starts in lower case. */
    private static final Pattern MAYBE_END =
            Pattern.compile("(?i)(etc|et al|a\\.m|p\\.m|(?:\\p{L}\\.){2,}\\p{L}?)\\.?$");
    private static final Pattern LAST_WORD = Pattern.compile("(\\S+)$");
    /** A sentence ending in an initial ("by J.", "John F.", but also "vitamin C."). */
    private static final Pattern INITIAL = Pattern.compile("(?<![\\p{L}.])\\p{Lu}\\.$");
    /** ... after a capitalised word or another initial, as in a name: "John F.", "J. R.". */
    private static final Pattern NAME_INITIAL = Pattern.compile("(?:^|\\p{Lu}[\\p{L}.]*\\s)\\p{Lu}\\.$");
    /** A sentence starting with an initial: "R. R. Tolkien". */
    private static final Pattern STARTS_WITH_INITIAL = Pattern.compile("^\\p{Lu}\\.(\\s|$)");
    /** "No." before a figure ("No. 5"); elsewhere "no." ends a sentence ("He said no."). */
    private static final Pattern NUMBER_SIGN = Pattern.compile("(?i)(?:^|\\s)no\\.$");

    /** Sentences shorter than this state nothing on their own ("Loss exploded."). */
    public static final int QUOTABLE_WORDS = 4;

    private Sentences() {
    }

    /**
     * The sentences of {@code text} worth quoting, that is worth reading for an answer: at least
     * {@value #QUOTABLE_WORDS} words.
     */
    public static List<Span> quotable(String text) {
        return of(text).stream().filter(span -> Text.words(span.of(text)).size() >= QUOTABLE_WORDS).toList();
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
        Span pending = null;
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            Span span = Text.trim(text, lineStart + start, lineStart + end);
            if (span.length() == 0) {
                continue;
            }
            if (pending != null && continues(pending.of(text), span.of(text))) {
                pending = new Span(pending.start(), span.end());
            } else {
                if (pending != null) {
                    out.add(pending);
                }
                pending = span;
            }
        }
        if (pending != null) {
            out.add(pending);
        }
    }

    /** Whether {@code sentence}, as the JDK cut it, ends in an abbreviation that {@code next} continues. */
    static boolean continues(String sentence, String next) {
        if (INITIAL.matcher(sentence).find()) {
            return NAME_INITIAL.matcher(sentence).find() || STARTS_WITH_INITIAL.matcher(next).find();
        }
        if (NUMBER_SIGN.matcher(sentence).find()) {
            return !next.isEmpty() && Character.isDigit(next.codePointAt(0));
        }
        Matcher last = LAST_WORD.matcher(sentence);
        if (!last.find()) {
            return false;
        }
        String word = last.group(1).replaceFirst("^[(\\[“\"‘']+", "").toLowerCase(Locale.ROOT);
        if (INSIDE.contains(word)) {
            return true;
        }
        boolean lowerNext = !next.isEmpty() && !Character.isUpperCase(next.codePointAt(0));
        return lowerNext && MAYBE_END.matcher(word).find();
    }
}
