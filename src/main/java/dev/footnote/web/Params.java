package dev.footnote.web;

import java.util.Optional;

import dev.footnote.search.PassageQuery;
import dev.footnote.search.QueryLimits;

/** Query parameters read as {@link QueryLimits} bound them; a bad value ends the request with a 400. */
final class Params {

    private Params() {
    }

    static String question(String value, String name) {
        return QueryLimits.question(value, "`" + name + "`");
    }

    static int k(String value) {
        if (value == null || value.isBlank()) {
            return PassageQuery.DEFAULT_K;
        }
        long k;
        try {
            k = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("`k` must be a whole number from 1 to " + PassageQuery.MAX_K
                    + ", not \"" + value + "\"");
        }
        return QueryLimits.k(k, "`k`");
    }

    /** An optional text parameter, such as a filter: plain text when given. */
    static Optional<String> optional(String value, String name) {
        return QueryLimits.optionalText(value, "`" + name + "`");
    }
}
