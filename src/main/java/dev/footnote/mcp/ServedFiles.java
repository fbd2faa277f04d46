package dev.footnote.mcp;

import java.util.List;

import dev.footnote.index.EssayRecord;
import dev.footnote.index.EssayText;
import dev.footnote.index.Index;

/**
 * The served essays' texts by source file. Offsets in a file count from its first character; an essay's body
 * is the file's text from {@link EssayRecord#bodyStart()}, and one file may hold several essays.
 */
final class ServedFiles {

    private final Index index;

    ServedFiles(Index index) {
        this.index = index;
    }

    /** The essays served from {@code source}, with their bodies, in file order; a tool error if there are none. */
    List<EssayText> essaysIn(String source) {
        index.requireServing();
        List<EssayText> essays = index.essayTextsFrom(source);
        if (essays.isEmpty()) {
            throw ToolFailures.invalid("no indexed essay comes from a file named \"" + source + "\"");
        }
        return essays;
    }

    /** Every served essay with its body. */
    List<EssayText> all() {
        index.requireServing();
        return index.essayTexts();
    }
}
