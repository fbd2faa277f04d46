package dev.footnote.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.footnote.text.Span;
import dev.footnote.text.Text;

/**
 * The text Footnote reads in a file with markup (Markdown, HTML, a feed), and where each of its characters
 * stands in the file. It is the text as a reader sees it: markup gone, entities and escapes decoded, white space
 * collapsed, one blank line between blocks. Every offset Footnote gives for such a file ({@code start}/{@code end}
 * of passages and quotes) counts in this text; {@link #toSource} maps a stretch of it back to the stretch of the
 * raw file that holds it.
 *
 * <p>Built by {@link Builder} from the pieces a parser reports (a text node, a code span) with the raw range each
 * came from. A decoded piece is aligned with its raw range character by character: a character that stands in
 * the raw range as itself maps to that character, one that does not (an entity, an escape) to the raw
 * characters between its neighbours.
 */
public final class ReadingText {

    private final String text;
    private final int[] sourceStarts;
    private final int[] sourceEnds;
    private final List<Span> blocks;

    private ReadingText(String text, int[] sourceStarts, int[] sourceEnds, List<Span> blocks) {
        this.text = text;
        this.sourceStarts = sourceStarts;
        this.sourceEnds = sourceEnds;
        this.blocks = List.copyOf(blocks);
    }

    public String text() {
        return text;
    }

    /** The blocks (paragraphs, headings, list items, code blocks) in order, as spans of {@link #text}. */
    public List<Span> blocks() {
        return blocks;
    }

    /** The raw file's range that holds {@code reading}, a span of {@link #text}. */
    public Span toSource(Span reading) {
        if (reading.length() == 0) {
            int at = reading.start() < text.length() ? sourceStarts[reading.start()]
                    : text.isEmpty() ? 0 : sourceEnds[text.length() - 1];
            return new Span(at, at);
        }
        return new Span(sourceStarts[reading.start()], sourceEnds[reading.end() - 1]);
    }

    /**
     * This text read from an intermediate string (the HTML inside a feed entry) mapped on to the file: {@code starts}
     * and {@code ends} give, per character of that string, the file range it came from ({@link RawAlignment#align}).
     */
    ReadingText through(int[] starts, int[] ends) {
        int n = text.length();
        int[] fileStarts = new int[n];
        int[] fileEnds = new int[n];
        for (int i = 0; i < n; i++) {
            fileStarts[i] = starts.length == 0 ? 0 : starts[Math.min(sourceStarts[i], starts.length - 1)];
            int last = Math.max(sourceStarts[i], sourceEnds[i] - 1);
            fileEnds[i] = ends.length == 0 ? 0 : Math.max(fileStarts[i], ends[Math.min(last, ends.length - 1)]);
        }
        return new ReadingText(text, fileStarts, fileEnds, blocks);
    }

    /**
     * Several reading texts of one file end to end, {@code separator} between them (mapped to where the text before
     * it ends): a feed's entries as one text.
     */
    static ReadingText joined(List<ReadingText> parts, String separator) {
        StringBuilder text = new StringBuilder();
        int total = parts.stream().mapToInt(p -> p.text.length()).sum() + separator.length() * Math.max(0,
                parts.size() - 1);
        int[] starts = new int[total];
        int[] ends = new int[total];
        List<Span> blocks = new ArrayList<>();
        for (ReadingText part : parts) {
            if (!text.isEmpty()) {
                int at = ends[text.length() - 1];
                for (int i = 0; i < separator.length(); i++) {
                    starts[text.length()] = at;
                    ends[text.length()] = at;
                    text.append(separator.charAt(i));
                }
            }
            int offset = text.length();
            System.arraycopy(part.sourceStarts, 0, starts, offset, part.text.length());
            System.arraycopy(part.sourceEnds, 0, ends, offset, part.text.length());
            part.blocks.forEach(b -> blocks.add(new Span(offset + b.start(), offset + b.end())));
            text.append(part.text);
        }
        return new ReadingText(text.toString(), starts, ends, blocks);
    }

    public static Builder builder(String raw) {
        return new Builder(raw);
    }

    /** Collects the blocks of a file in reading order. */
    public static final class Builder {

        private final String raw;
        private final StringBuilder text = new StringBuilder();
        private int[] starts = new int[256];
        private int[] ends = new int[256];
        private final List<Span> blocks = new ArrayList<>();
        private int blockStart = -1;

        private Builder(String raw) {
            this.raw = raw;
        }

        /** Starts a block, ending the one before. */
        public Builder block() {
            endBlock();
            if (!text.isEmpty()) {
                int previousEnd = ends[text.length() - 1];
                append('\n', previousEnd, previousEnd);
                append('\n', previousEnd, previousEnd);
            }
            blockStart = text.length();
            return this;
        }

        /**
         * Appends {@code decoded}, the text a parser made of {@code raw[rawStart, rawEnd)}: characters found there
         * map to themselves, the others to the raw characters they were decoded from.
         */
        public Builder append(String decoded, int rawStart, int rawEnd) {
            if (blockStart < 0) {
                block();
            }
            int[][] aligned = RawAlignment.align(raw, decoded, rawStart, rawEnd);
            for (int i = 0; i < decoded.length(); i++) {
                appendCollapsing(decoded.charAt(i), aligned[0][i], aligned[1][i]);
            }
            return this;
        }

        /** Appends a space standing for {@code raw[rawStart, rawEnd)}: a line break, an image between words. */
        public Builder space(int rawStart, int rawEnd) {
            if (blockStart >= 0) {
                appendCollapsing(' ', rawStart, rawEnd);
            }
            return this;
        }

        public ReadingText build() {
            endBlock();
            while (!text.isEmpty() && Text.isSpace(text.charAt(text.length() - 1))) {
                text.setLength(text.length() - 1);
            }
            int n = text.length();
            return new ReadingText(text.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), blocks);
        }

        private void endBlock() {
            if (blockStart < 0) {
                return;
            }
            while (text.length() > blockStart && Text.isSpace(text.charAt(text.length() - 1))) {
                text.setLength(text.length() - 1);
            }
            if (text.length() > blockStart) {
                blocks.add(new Span(blockStart, text.length()));
            } else if (blockStart >= 2) {
                text.setLength(blockStart - 2); // an empty block: drop the blank line before it
            }
            blockStart = -1;
        }

        private void appendCollapsing(char c, int from, int to) {
            boolean space = Text.isSpace(c);
            int n = text.length();
            if (space && (n == blockStart || Text.isSpace(text.charAt(n - 1)))) {
                if (n > blockStart) {
                    ends[n - 1] = Math.max(ends[n - 1], to);
                }
                return;
            }
            append(space ? ' ' : c, from, to);
        }

        private void append(char c, int from, int to) {
            int n = text.length();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = from;
            ends[n] = Math.max(from, to);
            text.append(c);
        }
    }
}
