package dev.footnote.search;

import java.util.Optional;

/**
 * The limits of what anyone may ask, in one place for every way in (REST, the stream, the command line):
 * plain text of 1 to {@link PassageQuery#MAX_TEXT_LENGTH} characters, and 1 to {@link PassageQuery#MAX_K}
 * passages. A value outside them is an {@link InvalidQueryException} whose message names the field as the
 * caller spells it ({@code `q`}, {@code "question"}, {@code --k}).
 */
public final class QueryLimits {

    private QueryLimits() {
    }

    /** The question, stripped; {@code field} names it in the message if it is blank, too long or not plain text. */
    public static String question(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidQueryException(field + " is required and must not be blank");
        }
        plainText(value, field);
        if (value.length() > PassageQuery.MAX_TEXT_LENGTH) {
            throw new InvalidQueryException(field + " is " + value.length() + " characters long; at most "
                    + PassageQuery.MAX_TEXT_LENGTH + " are allowed");
        }
        return value.strip();
    }

    /** An optional text, such as a filter or a conversation id: plain text of at most the question's length. */
    public static Optional<String> optionalText(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        plainText(value, field);
        if (value.length() > PassageQuery.MAX_TEXT_LENGTH) {
            throw new InvalidQueryException(field + " is too long; at most " + PassageQuery.MAX_TEXT_LENGTH
                    + " characters are allowed");
        }
        return Optional.of(value.strip());
    }

    /**
     * An essay's id as a caller names it (a path, a URI, a filter): plain text of at most the question's length.
     * No id holds a control character, so one that does is a mistake to report, not an essay to look up.
     */
    public static String essayId(String value, String field) {
        return optionalText(value, field)
                .orElseThrow(() -> new InvalidQueryException(field + " is required and must not be blank"));
    }

    /** How many passages to retrieve. */
    public static int k(long k, String field) {
        if (k < 1 || k > PassageQuery.MAX_K) {
            throw new InvalidQueryException(field + " must be from 1 to " + PassageQuery.MAX_K + ", not " + k);
        }
        return (int) k;
    }

    /**
     * Rejects text that is not plain text: control characters other than tab and line breaks (NUL among
     * them, which PostgreSQL cannot store), and halves of surrogate pairs, which no character encodes.
     */
    static void plainText(String value, String field) {
        int position = notPlainAt(value);
        if (position >= 0) {
            throw new InvalidQueryException(field + " must be plain text; it holds a control character "
                    + "or half of a surrogate pair at position " + position);
        }
    }

    /** Where {@code value} first holds what plain text may not (see {@link #plainText}), or -1. */
    public static int notPlainAt(String value) {
        for (int i = 0; i < value.length(); i++) {
            int position = i;
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || loneSurrogate) {
                return position;
            }
        }
        return -1;
    }
}
