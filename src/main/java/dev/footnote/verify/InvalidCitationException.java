package dev.footnote.verify;

/** A citation that cannot be checked as given: no quote, no source, or a source outside the corpus folder. */
public class InvalidCitationException extends IllegalArgumentException {

    public InvalidCitationException(String message) {
        super(message);
    }
}
