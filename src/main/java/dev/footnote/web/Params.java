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

    /**
     * {@code k} as ASCII digits alone, as a JSON body or the command line takes it: no sign, no spaces, no digits
     * of other scripts (which {@link Long#parseLong} would take).
     */
    static int k(String value) {
        if (value == null || value.isEmpty()) {
            return PassageQuery.DEFAULT_K;
        }
        if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.badRequest("`k` must be a whole number from 1 to " + PassageQuery.MAX_K
                    + " written in digits 0-9, not \"" + value + "\"");
        }
        return QueryLimits.k(Long.parseLong(value), "`k`");
    }

    /** An optional text parameter, such as a filter: plain text when given. */
    static Optional<String> optional(String value, String name) {
        return QueryLimits.optionalText(value, "`" + name + "`");
    }
}
