package dev.footnote.corpus;

import java.util.List;

/**
 * An essay of the corpus, once, however many files it appears in.
 *
 * @param id           stable identifier derived from the title and author (or, untitled, the opening words)
 * @param title        the essay's title; when {@code titleDerived}, a label made from its first words
 * @param titleDerived {@code true} when the essay has no title of its own
 * @param author       the author from a byline, or {@code null}
 * @param date         the date text as given by a byline, or {@code null}
 * @param url          where the essay is published, when a file says, or {@code null}
 * @param sources      every file the essay appears in, the file of {@code body} first
 * @param body         the copy whose text is indexed: the most complete one
 */
public record Essay(String id, String title, boolean titleDerived, String author, String date, String url,
        List<String> sources, EssayCopy body) {

    public Essay {
        sources = List.copyOf(sources);
    }

    public String source() {
        return body.source();
    }
}
