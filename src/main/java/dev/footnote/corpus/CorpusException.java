package dev.footnote.corpus;

/** A corpus folder or file that cannot be read. The message is fit for a user. */
public class CorpusException extends RuntimeException {

    public CorpusException(String message) {
        super(message);
    }
}
