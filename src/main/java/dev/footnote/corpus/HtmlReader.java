package dev.footnote.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads an HTML essay ({@code .html}, {@code .htm}) as a reader sees it, with jsoup: the title from
 * {@code og:title}, {@code <title>} or the first {@code <h1>}; the author from {@code <meta name="author">} or
 * {@code article:author}; the date from {@code article:published_time} or a {@code <time datetime>}; the link
 * from {@code <link rel="canonical">} or {@code og:url}. The text is that of {@code <article>}, else
 * {@code <main>}, else the body, without scripts, styles, navigation, headers, footers, forms and asides; block
 * elements are blocks, entities are decoded. A first {@code <h1>} that repeats the title leaves the text.
 */
final class HtmlReader implements FormatReader {

    /** Page furniture: never essay text. */
    private static final String FURNITURE = "script, style, noscript, template, nav, header, footer, aside, form, "
            + "iframe, svg, button, select, [hidden], [aria-hidden=true]";
    /** Elements that start a block of text of their own. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
            "table", "tr", "td", "th", "hr", "address", "details", "summary", "body");

    @Override
    public boolean reads(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    @Override
    public List<ReadEssay> read(String source, String raw) {
        Document page = parse(raw);
        // the metadata first: the header that holds the title is furniture to the text
        String title = title(page);
        String author = author(page);
        String date = date(page);
        String url = url(page);
        Element content = content(page);
        Element heading = content.selectFirst("h1");
        if (heading != null && title != null && heading.text().strip().equalsIgnoreCase(title)) {
            heading.remove(); // the title, shown as the essay's title rather than as its first paragraph
        }
        ReadingText text = text(content, raw, 0);
        if (text.blocks().isEmpty()) {
            throw new CorpusException("no text");
        }
        return List.of(new ReadEssay(text, title, author, date, url));
    }

    /** The page parsed with the position of every node in {@code raw} kept. */
    static Document parse(String raw) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        return parser.parseInput(raw, "");
    }

    /** The element holding the essay, furniture removed. */
    static Element content(Document page) {
        Element root = page.selectFirst("article");
        if (root == null) {
            root = page.selectFirst("main");
        }
        if (root == null) {
            root = page.body();
        }
        root.select(FURNITURE).remove();
        return root;
    }

    /**
     * The reading text of {@code root}, whose nodes' positions count in {@code raw} from {@code offset} (an HTML
     * fragment inside a feed starts there).
     */
    static ReadingText text(Element root, String raw, int offset) {
        ReadingText.Builder reading = ReadingText.builder(raw);
        append(root, reading, offset);
        return reading.build();
    }

    private static void append(Node node, ReadingText.Builder reading, int offset) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                if (!text.isBlank()) {
                    reading.append(text.getWholeText(), offset + text.sourceRange().startPos(),
                            offset + text.sourceRange().endPos());
                } else {
                    reading.space(offset + text.sourceRange().startPos(), offset + text.sourceRange().endPos());
                }
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    reading.space(offset + element.sourceRange().startPos(), offset + element.sourceRange().endPos());
                } else if (tag.equals("img")) {
                    continue;
                } else if (BLOCKS.contains(tag)) {
                    reading.block();
                    append(element, reading, offset);
                    reading.block();
                } else {
                    append(element, reading, offset);
                }
            }
        }
    }

    private static String title(Document page) {
        String title = meta(page, "meta[property=og:title]");
        if (title == null && !page.title().isBlank()) {
            title = page.title().strip();
        }
        if (title == null) {
            Element h1 = page.selectFirst("h1");
            title = h1 == null || h1.text().isBlank() ? null : h1.text().strip();
        }
        return title;
    }

    private static String author(Document page) {
        String author = meta(page, "meta[name=author]");
        return author != null ? author : meta(page, "meta[property=article:author]");
    }

    private static String date(Document page) {
        String date = meta(page, "meta[property=article:published_time]");
        if (date == null) {
            Element time = page.selectFirst("time[datetime]");
            date = time == null || time.attr("datetime").isBlank() ? null : time.attr("datetime").strip();
        }
        return date;
    }

    private static String url(Document page) {
        Element canonical = page.selectFirst("link[rel=canonical][href]");
        if (canonical != null && !canonical.attr("href").isBlank()) {
            return canonical.attr("href").strip();
        }
        return meta(page, "meta[property=og:url]");
    }

    private static String meta(Document page, String selector) {
        Element meta = page.selectFirst(selector);
        if (meta == null || meta.attr("content").isBlank()) {
            return null;
        }
        return meta.attr("content").strip();
    }
}
