package dev.footnote.corpus;

import java.util.ArrayList;
import java.util.List;

import dev.footnote.text.Span;

/**
 * Lays the essays a {@link FormatReader} found in one file end to end as the file's reading text, one blank line
 * between them, so that each becomes an {@link EssayCopy} whose paragraphs are spans of that text.
 */
final class ReadEssays {

    private static final String SEPARATOR = "\n\n";

    private ReadEssays() {
    }

    static CorpusReader.SourceFile copies(String source, List<ReadEssay> essays) {
        ReadingText reading = ReadingText.joined(essays.stream().map(ReadEssay::text).toList(), SEPARATOR);
        String fileText = reading.text();
        List<EssayCopy> copies = new ArrayList<>();
        int block = 0;
        for (ReadEssay essay : essays) {
            // the joined text's blocks are the essays' blocks, in order
            List<Span> paragraphs = reading.blocks().subList(block, block + essay.text().blocks().size());
            block += paragraphs.size();
            copies.add(new EssayCopy(source, fileText, essay.title(), essay.author(), essay.date(), essay.url(),
                    paragraphs, reading));
        }
        return new CorpusReader.SourceFile(source, fileText, copies);
    }
}
