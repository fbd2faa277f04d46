package dev.footnote.chat;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/** The model server failed or did not answer in time. The message is fit for a user. */
public class ModelException extends RuntimeException {

    private final boolean timedOut;

    ModelException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }

    static ModelException from(String provider, java.time.Duration timeout, Throwable failure) {
        if (isTimeout(failure)) {
            return new ModelException("the " + provider + " model server did not answer within "
                    + timeout.toSeconds() + " s", true, failure);
        }
        // what failed inside (a host, a status body) goes to the log with the cause, not to the user
        return new ModelException("the " + provider + " model server failed; the server log has the reason", false,
                failure);
    }

    /**
     * Whether {@code failure} or a cause is a timeout: LangChain4j's typed one, the JDK's it did not map, or the
     * bound on a whole call.
     */
    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
