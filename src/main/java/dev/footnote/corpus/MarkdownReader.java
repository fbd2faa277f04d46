package dev.footnote.corpus;

import java.util.List;

import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown essay ({@code .md}, {@code .markdown}) as a reader sees it, with commonmark-java: front matter
 * for its title, author and date ({@link FrontMatter}); headings, paragraphs, list items, quotes and code blocks as
 * blocks of plain text; a link as its text, emphasis and code spans as their words; images and inline HTML
 * dropped. The first top-level heading is the title, unless the front matter names another, and leaves the
 * body.
 */
final class MarkdownReader implements FormatReader {

    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    @Override
    public boolean reads(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    @Override
    public List<ReadEssay> read(String source, String raw) {
        FrontMatter front = FrontMatter.of(raw);
        Node document = parser.parse(raw.substring(front.bodyStart()));
        ReadingText.Builder reading = ReadingText.builder(raw);
        String title = front.title();
        boolean titleSeen = false;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (!titleSeen && block instanceof Heading heading && heading.getLevel() == 1
                    && (title == null || title.equalsIgnoreCase(plain(heading)))) {
                title = plain(heading);
                titleSeen = true;
                continue;
            }
            readBlock(block, reading, front.bodyStart());
        }
        ReadingText text = reading.build();
        if (text.blocks().isEmpty()) {
            throw new CorpusException("no text");
        }
        return List.of(new ReadEssay(text, title, front.author(), front.date(), front.url()));
    }

    private void readBlock(Node block, ReadingText.Builder reading, int offset) {
        if (block instanceof Paragraph || block instanceof Heading) {
            reading.block();
            readInlines(block, reading, offset);
        } else if (block instanceof FencedCodeBlock code) {
            reading.block();
            appendLiteral(code.getLiteral(), code, reading, offset);
        } else if (block instanceof IndentedCodeBlock code) {
            reading.block();
            appendLiteral(code.getLiteral(), code, reading, offset);
        } else if (block instanceof HtmlBlock || block instanceof ThematicBreak) {
            return;
        } else if (block instanceof Block) {
            // containers: lists, list items, block quotes
            for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                readBlock(child, reading, offset);
            }
        }
    }

    private void readInlines(Node parent, ReadingText.Builder reading, int offset) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                appendLiteral(text.getLiteral(), text, reading, offset);
            } else if (node instanceof Code code) {
                appendLiteral(code.getLiteral(), code, reading, offset);
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                SourceSpan span = first(node);
                int at = span == null ? 0 : offset + span.getInputIndex();
                reading.space(at, at + (span == null ? 0 : span.getLength()));
            } else if (node instanceof Image || node instanceof HtmlInline) {
                continue;
            } else {
                readInlines(node, reading, offset); // links, emphasis
            }
        }
    }

    private static void appendLiteral(String literal, Node node, ReadingText.Builder reading, int offset) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        reading.append(literal, offset + first.getInputIndex(), offset + last.getInputIndex() + last.getLength());
    }

    private static SourceSpan first(Node node) {
        return node.getSourceSpans().isEmpty() ? null : node.getSourceSpans().get(0);
    }

    /** The words of a heading, for a title. */
    private static String plain(Node node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString().strip().replaceAll("\\s+", " ");
    }

    private static void collect(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text text) {
                out.append(text.getLiteral());
            } else if (child instanceof Code code) {
                out.append(code.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append(' ');
            } else {
                collect(child, out);
            }
        }
    }
}
