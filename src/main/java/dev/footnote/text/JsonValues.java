package dev.footnote.text;

import com.fasterxml.jackson.databind.JsonNode;

/** How every JSON body Footnote reads takes its values, so that all of them are equally strict. */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Whether {@code value} is a whole number as JSON writes one: an integer literal within {@code int}'s range.
     * Not a string of digits, a fraction, or an exponent such as {@code 1e309}.
     */
    public static boolean isWholeNumber(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToInt();
    }
}
