package dev.footnote.corpus;

import java.util.List;

import dev.footnote.text.Span;
import dev.footnote.text.Text;

/**
 * Reads a plain text essay that opens with its title: a first line that looks like one (at most
 * {@value #MAX_TITLE_WORDS} words, not ending as a sentence does) and a blank line after it. Every other non-blank
 * line is a paragraph. Tried after the shipped corpus's layouts, whose header lines would pass for titles; a text
 * file it does not recognise is an untitled essay (or several, see {@link ConcatenationSplitter}), labelled by its
 * first words.
 */
final class TitledTextLayout implements PageLayout {

    static final int MAX_TITLE_WORDS = 15;

    @Override
    public boolean recognises(String fileText, List<Line> lines) {
        if (lines.size() < 3 || !lines.get(1).isBlank()) {
            return false;
        }
        String first = lines.get(0).text(fileText);
        int words = Text.words(first).size();
        return words > 0 && words <= MAX_TITLE_WORDS && first.length() <= 150 && !first.matches(".*[.!?:;,…]$")
                && lines.subList(2, lines.size()).stream().anyMatch(line -> !line.isBlank());
    }

    @Override
    public List<EssayCopy> parse(String source, String fileText, List<Line> lines) {
        List<Span> paragraphs = lines.subList(2, lines.size()).stream().filter(line -> !line.isBlank())
                .map(Line::content).toList();
        return List.of(new EssayCopy(source, fileText, lines.get(0).text(fileText), null, null, paragraphs));
    }
}
