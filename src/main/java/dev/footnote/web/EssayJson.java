package dev.footnote.web;

import java.util.List;

import dev.footnote.index.EssayRecord;

/**
 * An essay as the API shows it inside a passage.
 *
 * @param titleDerived {@code true} when the essay has no title and {@code title} is made from its first words
 * @param url          where the essay is published, when its file says; absent otherwise
 */
public record EssayJson(String id, String title, boolean titleDerived, String author, String date, String url,
        List<String> sources) {

    static EssayJson of(EssayRecord essay) {
        return new EssayJson(essay.id(), essay.title(), essay.titleDerived(), essay.author(), essay.date(),
                essay.url(), essay.sources());
    }
}
