package dev.footnote.corpus;

import java.util.List;

/**
 * Reads the essays of a file in a markup format (Markdown, HTML, a feed) as a reader sees them. A file no format
 * reader claims is read as text, by the layouts of the shipped corpus ({@link CorpusReader}).
 */
interface FormatReader {

    /** Whether this reader reads files of this name (by its extension). */
    boolean reads(String fileName);

    /**
     * The file's essays, each with its reading text; throws {@link CorpusException} (a short reason) when the file
     * holds no essay.
     */
    List<ReadEssay> read(String source, String raw);
}
