package dev.footnote.search;

import java.util.Optional;

/**
 * A request for passages.
 *
 * @param text    the question or keywords
 * @param k       how many passages to return
 * @param author  only passages of essays by authors this name matches (a surname or any part of a name, any
 *                case), if given
 * @param essayId only passages of this essay, if given
 */
public record PassageQuery(String text, int k, Optional<String> author, Optional<String> essayId) {

    public static final int MAX_TEXT_LENGTH = 2000;
    public static final int MAX_K = 50;
    public static final int DEFAULT_K = 5;
}
