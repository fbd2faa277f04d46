package dev.footnote.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.footnote.index.EssayRecord;

/**
 * The essay a passage, span or match belongs to, as the tools show it. An essay without a byline or a date has
 * no {@code author} or {@code date}: they are left out rather than null, as the tools' output schemas give them
 * as strings.
 *
 * @param title a title made from the essay's first words when it has none
 * @param url   where the essay is published, when its file says
 * @param uri   the essay's resource, whose text is the whole essay
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EssayRef(String id, String title, String author, String date, String url, String uri) {

    static EssayRef of(EssayRecord essay) {
        return new EssayRef(essay.id(), essay.title(), essay.author(), essay.date(), essay.url(),
                EssayResources.uri(essay.id()));
    }
}
