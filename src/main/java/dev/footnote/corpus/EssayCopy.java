package dev.footnote.corpus;

import java.util.List;

import dev.footnote.text.Span;

/**
 * One appearance of an essay in one source file, as a layout parser found it. Several copies of the same
 * essay are merged into one {@link Essay} by {@link DuplicateMerger}.
 *
 * @param source     file name of the source
 * @param fileText   the whole text of that file as offsets count it, which {@code paragraphs} index into
 * @param title      the title as written, or {@code null} when the layout has none
 * @param author     the byline's author, or {@code null}
 * @param date       the byline's date text as given ("5 days ago"), or {@code null}
 * @param url        where the essay is published, when the file says, or {@code null}
 * @param paragraphs the body's paragraphs, trimmed, in order; never furniture
 * @param reading    for a file with markup, how {@code fileText} (its reading text) maps on to the raw file;
 *                   {@code null} when {@code fileText} is the file itself
 */
public record EssayCopy(String source, String fileText, String title, String author, String date, String url,
        List<Span> paragraphs, ReadingText reading) {

    public EssayCopy {
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("an essay copy needs at least one paragraph");
        }
        paragraphs = List.copyOf(paragraphs);
    }

    /** A copy in a plain text layout: no address, and the file's text is the file itself. */
    public EssayCopy(String source, String fileText, String title, String author, String date, List<Span> paragraphs) {
        this(source, fileText, title, author, date, null, paragraphs, null);
    }

    /** The stretch of the raw file that holds {@code span} of {@link #fileText}. */
    public Span sourceSpan(Span span) {
        return reading == null ? span : reading.toSource(span);
    }

    /** The body from the first paragraph's start to the last one's end, as it stands in the file. */
    public Span bodySpan() {
        return new Span(paragraphs.get(0).start(), paragraphs.get(paragraphs.size() - 1).end());
    }

    public String bodyText() {
        return bodySpan().of(fileText);
    }
}
