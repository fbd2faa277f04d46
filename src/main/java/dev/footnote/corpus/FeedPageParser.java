package dev.footnote.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footnote.text.Span;

/**
 * Reads a blog-aggregator feed page: a header such as {@code Latest Posts (20 found)}, then per post an
 * optional byline ({@code Author relative-date}), the title, the body, and an {@code N views} line.
 *
 * <p>A post whose byline is missing starts with a blank line instead; its author is {@code null}, never the
 * previous post's. The byline and the views line are furniture and never part of the body.
 */
final class FeedPageParser implements PageLayout {

    private static final Pattern HEADER = Pattern.compile(".*\\(\\d+ found\\)");
    private static final Pattern VIEWS = Pattern.compile("\\d[\\d,.]*[kKmM]?\\s+views?");
    private static final Pattern BYLINE = Pattern.compile(
            "(.*?)\\s+(yesterday|today|just now|an? (?:second|minute|hour|day|week|month|year) ago"
                    + "|\\d+\\s+(?:second|minute|hour|day|week|month|year)s?\\s+ago)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public boolean recognises(String fileText, List<Line> lines) {
        return !lines.isEmpty() && HEADER.matcher(lines.get(0).text(fileText)).matches();
    }

    @Override
    public List<EssayCopy> parse(String source, String fileText, List<Line> lines) {
        List<EssayCopy> posts = new ArrayList<>();
        int blockStart = 1;
        for (int i = 1; i <= lines.size(); i++) {
            boolean end = i == lines.size();
            if (end || VIEWS.matcher(lines.get(i).text(fileText)).matches()) {
                readPost(source, fileText, lines.subList(blockStart, i)).ifPresent(posts::add);
                blockStart = i + 1;
            }
        }
        return posts;
    }

    private Optional<EssayCopy> readPost(String source, String fileText, List<Line> block) {
        if (block.isEmpty()) {
            return Optional.empty();
        }
        String author = null;
        String date = null;
        int next = 0;
        if (!block.get(0).isBlank()) {
            Matcher byline = BYLINE.matcher(block.get(0).text(fileText));
            if (byline.matches()) {
                author = byline.group(1).strip();
                date = byline.group(2);
            } else {
                author = block.get(0).text(fileText);
            }
            next = 1;
        }
        List<Line> content = block.subList(next, block.size()).stream().filter(l -> !l.isBlank()).toList();
        if (content.size() < 2) {
            return Optional.empty();
        }
        String title = content.get(0).text(fileText);
        List<Span> paragraphs = content.subList(1, content.size()).stream().map(Line::content).toList();
        return Optional.of(new EssayCopy(source, fileText, title, author, date, paragraphs));
    }
}
