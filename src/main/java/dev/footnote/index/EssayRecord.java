package dev.footnote.index;

import java.util.List;

/**
 * An essay as served from the index.
 *
 * @param bodyStart offset of {@code body} in the file {@code source}: a passage's {@code start - bodyStart}
 *                  is its position within {@code body}
 */
public record EssayRecord(String id, String title, boolean titleDerived, String author, String date,
        List<String> sources, String source, int bodyStart, String body, int passages) {
}
