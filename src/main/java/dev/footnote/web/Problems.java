package dev.footnote.web;

import java.time.Duration;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.footnote.chat.ConversationException;
import dev.footnote.chat.ModelException;
import dev.footnote.corpus.CorpusException;
import dev.footnote.index.IndexBuildingException;
import dev.footnote.index.IndexException;
import dev.footnote.index.IndexMismatchException;
import dev.footnote.index.ReindexConflictException;
import dev.footnote.rerank.RerankException;
import dev.footnote.search.InvalidQueryException;
import dev.footnote.search.SearchesBusyException;
import dev.footnote.verify.InvalidCitationException;
import dev.footnote.verify.TooManyCitationsException;
import dev.footnote.verify.VerificationBudgetException;

/**
 * The one place where a failure becomes a problem: the same for a plain response and for a stream's
 * {@code error} event. A detail says what happened in the user's terms; what only an operator needs (SQL,
 * hosts, stack traces) goes to the log.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    /** While a dependency is down every request fails alike: a line per kind and minute is enough. */
    private static final RepeatedFailures REPEATS = new RepeatedFailures(Duration.ofMinutes(1), System::nanoTime);

    /** How long a client should wait before asking again while the first index is built. */
    static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    /** The problem for {@code failure}, logged as an operator needs it. */
    public static Problem of(Throwable failure) {
        if (failure instanceof ProblemException e) {
            return e.problem();
        }
        if (failure instanceof TooManyCitationsException) {
            return Problem.of(413, "Content Too Large", failure.getMessage());
        }
        if (failure instanceof VerificationBudgetException) {
            warn("Verification over its budget", failure.getMessage());
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, failure.getMessage());
        }
        if (failure instanceof InvalidQueryException || failure instanceof InvalidCitationException) {
            return Problem.of(Response.Status.BAD_REQUEST, failure.getMessage());
        }
        if (failure instanceof ReindexConflictException) {
            return Problem.of(Response.Status.CONFLICT, failure.getMessage());
        }
        if (failure instanceof CorpusException) {
            warn("Corpus unavailable", failure.getMessage());
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, failure.getMessage());
        }
        if (failure instanceof IndexBuildingException || failure instanceof IndexMismatchException) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, failure.getMessage());
        }
        if (failure instanceof SearchesBusyException) {
            warn("Searches busy", failure.getMessage());
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, failure.getMessage());
        }
        if (failure instanceof IndexException) {
            warn("Index unavailable", rootMessage(failure));
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "the passage index is not available right now; try again shortly");
        }
        if (failure instanceof ConversationException) {
            warn("Conversation failed", rootMessage(failure));
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, failure.getMessage());
        }
        if (failure instanceof ModelException e) {
            warn("Model server failed", rootMessage(failure));
            return Problem.of(e.timedOut() ? Response.Status.GATEWAY_TIMEOUT : Response.Status.SERVICE_UNAVAILABLE,
                    e.getMessage());
        }
        if (failure instanceof RerankException e) {
            warn("Re-ranking failed", rootMessage(failure));
            return Problem.of(e.timedOut() ? Response.Status.GATEWAY_TIMEOUT : Response.Status.BAD_GATEWAY,
                    e.getMessage());
        }
        if (failure instanceof WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            String detail = switch (status.getStatusCode()) {
                case 404 -> "no such resource";
                case 405 -> "method not allowed on this resource";
                case 406 -> "cannot produce the requested media type";
                case 415 -> "unsupported media type; send application/json";
                default -> status.getReasonPhrase();
            };
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail);
        }
        logUnexpected(failure);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred; see the server log");
    }

    /** The response for {@code failure}: its problem, and when to retry if the index is being built. */
    static Response response(Throwable failure) {
        Problem problem = of(failure);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (failure instanceof IndexBuildingException || failure instanceof SearchesBusyException) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** Logs a failure of {@code kind} once a minute at most, with a count of those held back. */
    static void warn(String kind, String message) {
        REPEATS.admit(kind).ifPresent(heldBack -> LOG.warn(kind + ": " + message + repeats(heldBack)));
    }

    /** A bug: logged with its stack trace, but not once per request when every request hits it. */
    private static void logUnexpected(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        REPEATS.admit(failure.getClass().getName() + (frames.length > 0 ? " at " + frames[0] : ""))
                .ifPresent(heldBack -> LOG.error("Unexpected failure" + repeats(heldBack), failure));
    }

    private static String repeats(long heldBack) {
        return heldBack == 0 ? "" : " (" + heldBack + " more like it since the last report)";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getMessage() + ")";
    }
}
