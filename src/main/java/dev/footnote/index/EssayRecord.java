package dev.footnote.index;

import java.util.List;

/**
 * An essay as served from the index: what search hits, the essay list and citations say about it. Its
 * text is read only where it is shown, as an {@link EssayText}.
 *
 * @param url       where the essay is published, when its file says ({@code null} otherwise)
 * @param bodyStart offset of the essay's body in the file {@code source}: a passage's {@code start - bodyStart}
 *                  is its position within the body
 * @param sourceSha256 the SHA-256 of the file {@code source} as indexed, in hex ({@code null} for an index
 *                  written before Footnote recorded it, until the next reindex)
 */
public record EssayRecord(String id, String title, boolean titleDerived, String author, String date, String url,
        List<String> sources, String source, int bodyStart, int passages, String sourceSha256) {
}
