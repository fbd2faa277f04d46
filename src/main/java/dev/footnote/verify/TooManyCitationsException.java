package dev.footnote.verify;

/** More citations than one check takes ({@link CitationVerifier#MAX_CITATIONS}). */
public class TooManyCitationsException extends InvalidCitationException {

    public TooManyCitationsException(String message) {
        super(message);
    }
}
