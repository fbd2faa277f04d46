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
        plainText(value, name);
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

    /** An optional text parameter, such as a filter: plain text when given. */
    static Optional<String> optional(String value, String name) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        plainText(value, name);
        if (value.length() > PassageQuery.MAX_TEXT_LENGTH) {
            throw ProblemException.badRequest("`" + name + "` is too long; at most " + PassageQuery.MAX_TEXT_LENGTH
                    + " characters are allowed");
        }
        return Optional.of(value.strip());
    }

    /**
     * Rejects text that is not plain text: control characters other than tab and line breaks (NUL among
     * them, which PostgreSQL cannot store), and halves of surrogate pairs, which no character encodes.
     */
    static void plainText(String value, String name) {
        for (int i = 0; i < value.length(); i++) {
            int position = i;
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || loneSurrogate) {
                throw ProblemException.badRequest("`" + name + "` must be plain text; it holds a control character "
                        + "or half of a surrogate pair at position " + position);
            }
        }
    }
}
