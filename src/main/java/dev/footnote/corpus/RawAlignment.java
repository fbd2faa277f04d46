package dev.footnote.corpus;

import dev.footnote.text.Text;

/**
 * Where each character a parser decoded stands in the raw file: a character that stands in the raw range as
 * itself maps to that character, one that does not (an entity, an escape) to the raw characters that encode it.
 */
final class RawAlignment {

    /** How far ahead in the raw range a decoded character is looked for before it counts as encoded. */
    private static final int ALIGN_WINDOW = 12;

    private RawAlignment() {
    }

    /**
     * Aligns {@code decoded}, the text a parser made of {@code raw[rawStart, rawEnd)}, with that range: for each of
     * its characters, the start and end of the raw characters it came from. A character found a little ahead maps
     * to itself (markup between is skipped); one that is not (an entity, an escape) to what encodes it.
     */
    static int[][] align(String raw, String decoded, int rawStart, int rawEnd) {
        int[] starts = new int[decoded.length()];
        int[] ends = new int[decoded.length()];
        int r = Math.max(0, rawStart);
        int limit = Math.min(raw.length(), Math.max(r, rawEnd));
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            int found = find(raw, c, r, limit);
            if (found >= 0) {
                starts[i] = found;
                // "&amp;" decoded to "&": the whole entity, not just its first character
                ends[i] = raw.charAt(found) == '&' ? encodedEnd(raw, found, limit) : found + 1;
            } else {
                starts[i] = Math.min(r, limit);
                ends[i] = Math.min(limit, Math.max(starts[i], encodedEnd(raw, starts[i], limit)));
            }
            r = Math.max(r, ends[i]);
        }
        return new int[][] {starts, ends};
    }

    private static int find(String raw, char c, int from, int limit) {
        boolean space = Text.isSpace(c);
        for (int j = from; j < Math.min(limit, from + ALIGN_WINDOW); j++) {
            char rc = raw.charAt(j);
            if (rc == c || space && Text.isSpace(rc)) {
                return j;
            }
        }
        return -1;
    }

    /** The end of an entity ({@code &amp;}) or escape ({@code \*}) at {@code from}, or one character. */
    private static int encodedEnd(String raw, int from, int limit) {
        if (from < limit && raw.charAt(from) == '&') {
            int semicolon = raw.indexOf(';', from);
            if (semicolon > 0 && semicolon < Math.min(limit, from + ALIGN_WINDOW)) {
                return semicolon + 1;
            }
        }
        return from + (from < limit && raw.charAt(from) == '\\' ? 2 : 1);
    }
}
