package dev.footnote.rerank;

/** The re-ranking model failed or did not answer in time. The message is fit for a user. */
public class RerankException extends RuntimeException {

    private final boolean timedOut;

    public RerankException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
