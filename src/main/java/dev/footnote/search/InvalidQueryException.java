package dev.footnote.search;

/** A question, filter or passage count outside {@link QueryLimits}; the message says what to fix. */
public class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
