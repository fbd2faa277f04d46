package dev.footnote.index;

/** An index operation that cannot go ahead. The message is fit for a user. */
public class IndexException extends RuntimeException {

    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
