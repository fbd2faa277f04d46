package dev.footnote.index;

import java.util.List;

/**
 * An essay as served from the index: what search hits, the essay list and citations say about it. Its
 * text is read only where it is shown, as an {@link EssayText}.
 *
 * @param bodyStart offset of the essay's body in the file {@code source}: a passage's {@code start - bodyStart}
 *                  is its position within the body
 * @param sourceSha256 the SHA-256 of the file {@code source} as indexed, in hex ({@code null} for an index
 *                  written before Footnote recorded it, until the next reindex)
 */
public record EssayRecord(String id, String title, boolean titleDerived, String author, String date,
        List<String> sources, String source, int bodyStart, int passages, String sourceSha256) {
}
