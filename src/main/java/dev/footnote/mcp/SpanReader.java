package dev.footnote.mcp;

import java.util.List;
import java.util.stream.Collectors;

import dev.footnote.index.EssayText;

/**
 * Reads a span of a source file out of the essay whose body holds it: what {@code get_passage} returns.
 * Only essay bodies are served (not page headers, bylines or what lies between two essays of one file), so a
 * span must fall within one body.
 */
final class SpanReader {

    /** The longest span returned at once; a whole essay is its resource. */
    static final int MAX_SPAN = 10_000;
    /** How much of the essay is shown on either side of the span. */
    static final int CONTEXT = 300;

    private SpanReader() {
    }

    /**
     * The span's text with the essay around it.
     *
     * @param text         exactly {@code fileText.substring(start, end)}
     * @param before       up to {@value #CONTEXT} characters of the essay before the span, from {@code contextStart}
     * @param after        up to {@value #CONTEXT} characters of the essay after the span, up to {@code contextEnd}
     * @param essayStart   where the essay's text starts in the file
     * @param essayEnd     where it ends
     */
    public record PassageSpan(String text, String source, int start, int end, EssayRef essay, String before,
            String after, int contextStart, int contextEnd, int essayStart, int essayEnd) {
    }

    /** Checks {@code start} and {@code end} on their own, before anything is read. */
    static void checkBounds(int start, int end) {
        if (start < 0) {
            throw ToolFailures.invalid("\"start\" must be 0 or more, not " + start);
        }
        if (end <= start) {
            throw ToolFailures.invalid("\"end\" must be greater than \"start\"; the span " + start + " to " + end
                    + " is empty");
        }
        if (end - start > MAX_SPAN) {
            throw ToolFailures.invalid("the span " + start + " to " + end + " is " + (end - start)
                    + " characters long; get_passage returns at most " + MAX_SPAN
                    + ": read the essay's resource for all of it");
        }
    }

    /** The span {@code start} to {@code end} of {@code source}, whose served essays are {@code essays}. */
    static PassageSpan read(List<EssayText> essays, String source, int start, int end) {
        checkBounds(start, end);
        EssayText holder = essays.stream().filter(e -> bodyStart(e) <= start && end <= bodyEnd(e)).findFirst()
                .orElseThrow(() -> ToolFailures.invalid("characters " + start + " to " + end + " of \"" + source
                        + "\" are not within the text of one essay; in that file, essay text spans "
                        + essays.stream().map(e -> bodyStart(e) + " to " + bodyEnd(e))
                                .collect(Collectors.joining(", "))));
        String body = holder.body();
        int offset = bodyStart(holder);
        int from = start - offset;
        int to = end - offset;
        if (splitsPair(body, from) || splitsPair(body, to)) {
            throw ToolFailures.invalid("the span " + start + " to " + end + " cuts a character in two: start and "
                    + "end must not fall between the two halves of a surrogate pair");
        }
        int contextFrom = Math.max(0, from - CONTEXT);
        contextFrom += splitsPair(body, contextFrom) ? 1 : 0;
        int contextTo = Math.min(body.length(), to + CONTEXT);
        contextTo -= splitsPair(body, contextTo) ? 1 : 0;
        return new PassageSpan(body.substring(from, to), source, start, end, EssayRef.of(holder.essay()),
                body.substring(contextFrom, from), body.substring(to, contextTo), offset + contextFrom,
                offset + contextTo, offset, bodyEnd(holder));
    }

    /** Whether offset {@code i} falls between a high and a low surrogate. */
    static boolean splitsPair(String text, int i) {
        return i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1))
                && Character.isLowSurrogate(text.charAt(i));
    }

    private static int bodyStart(EssayText essay) {
        return essay.essay().bodyStart();
    }

    private static int bodyEnd(EssayText essay) {
        return essay.essay().bodyStart() + essay.body().length();
    }
}
