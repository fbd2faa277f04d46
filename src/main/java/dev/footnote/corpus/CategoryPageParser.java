package dev.footnote.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.footnote.text.Span;

/**
 * Reads a category page: a {@code Category: Name} header, then posts that each start with a bullet line
 * indented by exactly two spaces ({@code "  • Title"}) and continue with paragraphs indented by four. A bullet
 * indented by four spaces is a list item inside a post, not a new post. Category pages carry no bylines.
 */
final class CategoryPageParser implements PageLayout {

    private static final Pattern HEADER = Pattern.compile("Category:\\s*\\S.*");
    private static final Pattern POST_START = Pattern.compile(" {2}[•*\\-] \\S.*");

    @Override
    public boolean recognises(String fileText, List<Line> lines) {
        return !lines.isEmpty() && HEADER.matcher(lines.get(0).text(fileText)).matches();
    }

    @Override
    public List<EssayCopy> parse(String source, String fileText, List<Line> lines) {
        List<EssayCopy> posts = new ArrayList<>();
        String title = null;
        List<Span> paragraphs = new ArrayList<>();
        for (Line line : lines.subList(1, lines.size())) {
            if (POST_START.matcher(line.raw().of(fileText)).matches()) {
                addPost(posts, source, fileText, title, paragraphs);
                title = line.text(fileText).substring(1).strip();
                paragraphs = new ArrayList<>();
            } else if (!line.isBlank() && title != null) {
                paragraphs.add(line.content());
            }
        }
        addPost(posts, source, fileText, title, paragraphs);
        return posts;
    }

    private static void addPost(List<EssayCopy> posts, String source, String fileText, String title,
            List<Span> paragraphs) {
        if (title != null && !paragraphs.isEmpty()) {
            posts.add(new EssayCopy(source, fileText, title, null, null, paragraphs));
        }
    }
}
