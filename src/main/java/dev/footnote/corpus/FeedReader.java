package dev.footnote.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads a blog's feed ({@code .xml}, {@code .atom}, {@code .rss}): one essay per Atom {@code <entry>} or RSS
 * {@code <item>}, with its title, author, link and date. The content is the entry's {@code <content>} (Atom) or
 * {@code <content:encoded>} (RSS), else its {@code <summary>} or {@code <description>}; HTML content is read as
 * {@link HtmlReader} reads a page, mapped through the feed's escaping on to the file. An entry without content is
 * skipped with a warning; a feed without any entry with content is refused.
 */
final class FeedReader implements FormatReader {

    private static final Logger LOG = Logger.getLogger(FeedReader.class);

    @Override
    public boolean reads(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || name.endsWith(".atom") || name.endsWith(".rss");
    }

    @Override
    public List<ReadEssay> read(String source, String raw) {
        Document feed = Parser.xmlParser().setTrackPosition(true).parseInput(raw, "");
        List<Element> entries = feed.select("feed > entry, rss > channel > item, rdf|RDF > item");
        if (feed.selectFirst("feed, rss, rdf|RDF") == null) {
            throw new CorpusException("not an Atom or RSS feed");
        }
        String feedAuthor = text(feed.selectFirst("feed > author > name, rss > channel > managingEditor"));
        List<ReadEssay> essays = new ArrayList<>();
        for (Element entry : entries) {
            Element content = first(entry, "content", "content|encoded", "summary", "description");
            ReadingText text = content == null ? null : read(content, raw);
            if (text == null || text.blocks().isEmpty()) {
                LOG.warnf("Skipping entry \"%s\" of %s: no content", text(first(entry, "title")), source);
                continue;
            }
            String author = text(first(entry, "author > name", "dc|creator", "author"));
            essays.add(new ReadEssay(text, text(first(entry, "title")), author != null ? author : feedAuthor,
                    text(first(entry, "published", "pubDate", "dc|date", "updated")), link(entry)));
        }
        if (essays.isEmpty()) {
            throw new CorpusException(entries.isEmpty() ? "a feed without entries" : "a feed without entry content");
        }
        return essays;
    }

    /** The content element's text: plain, or HTML escaped in the XML (or in a CDATA section), or XHTML inline. */
    private static ReadingText read(Element content, String raw) {
        String type = content.attr("type").toLowerCase(Locale.ROOT);
        if (type.equals("xhtml")) {
            return HtmlReader.text(content, raw, 0);
        }
        TextNode node = textNode(content);
        if (node == null) {
            return ReadingText.builder(raw).build();
        }
        int from = node.sourceRange().startPos();
        int to = node.sourceRange().endPos();
        String decoded = node.getWholeText();
        if (type.equals("text")) {
            return ReadingText.builder(raw).append(decoded, from, to).build();
        }
        int[][] aligned = RawAlignment.align(raw, decoded, from, to);
        Element html = HtmlReader.content(HtmlReader.parse(decoded));
        return HtmlReader.text(html, decoded, 0).through(aligned[0], aligned[1]);
    }

    private static TextNode textNode(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    private static String link(Element entry) {
        Element alternate = entry.selectFirst("link[rel=alternate][href], link[href]:not([rel])");
        if (alternate != null) {
            return alternate.attr("href").strip();
        }
        return text(entry.selectFirst("link"));
    }

    private static Element first(Element entry, String... selectors) {
        for (String selector : selectors) {
            for (Element found : entry.select(selector)) {
                if (found.parent() == entry || selector.contains(">")) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.text().strip();
        return text.isEmpty() ? null : text;
    }
}
