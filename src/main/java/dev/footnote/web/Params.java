package dev.footnote.web;

import java.util.Optional;

import dev.footnote.search.PassageQuery;

/** Checks of request parameters shared by the API's resources; a bad value ends the request with a 400. */
final class Params {

    private Params() {
    }

    static String question(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("`" + name + "` is required and must not be blank");
        }
        if (value.length() > PassageQuery.MAX_TEXT_LENGTH) {
            throw ProblemException.badRequest("`" + name + "` is " + value.length()
                    + " characters long; at most " + PassageQuery.MAX_TEXT_LENGTH + " are allowed");
        }
        return value.strip();
    }

    static int k(String value) {
        if (value == null || value.isBlank()) {
            return PassageQuery.DEFAULT_K;
        }
        int k;
        try {
            k = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("`k` must be a whole number from 1 to " + PassageQuery.MAX_K
                    + ", not \"" + value + "\"");
        }
        if (k < 1 || k > PassageQuery.MAX_K) {
            throw ProblemException.badRequest("`k` must be from 1 to " + PassageQuery.MAX_K + ", not " + k);
        }
        return k;
    }

    static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
