package dev.footnote.index;

import java.util.List;

/**
 * An essay as served from the index: what search hits, the essay list and citations say about it. Its
 * text is read only where it is shown, as an {@link EssayText}.
 *
 * @param bodyStart offset of the essay's body in the file {@code source}: a passage's {@code start - bodyStart}
 *                  is its position within the body
 */
public record EssayRecord(String id, String title, boolean titleDerived, String author, String date,
        List<String> sources, String source, int bodyStart, int passages) {
}
