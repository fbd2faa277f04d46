package dev.footnote.mcp;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.footnote.chat.ConversationException;
import dev.footnote.chat.ModelException;
import dev.footnote.corpus.CorpusException;
import dev.footnote.index.IndexBuildingException;
import dev.footnote.index.IndexException;
import dev.footnote.index.IndexMismatchException;
import dev.footnote.rerank.RerankException;
import dev.footnote.search.InvalidQueryException;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * Turns what goes wrong inside a tool into a tool error: a result with {@code isError} and a message the agent
 * can act on (fix an argument, try again shortly), never a JSON-RPC error that many clients show as a crash.
 * The messages are those the REST API puts in a problem's detail; what only an operator needs (SQL, hosts,
 * stack traces) goes to the log.
 */
final class ToolFailures {

    private static final Logger LOG = Logger.getLogger(ToolFailures.class);

    static final String INDEX_UNAVAILABLE = "the passage index is not available right now; try again shortly";
    static final String UNEXPECTED = "an unexpected error occurred; see the server log";

    private ToolFailures() {
    }

    /** Runs a tool's work; any failure comes out as a {@link ToolCallException} with a user's message. */
    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ToolCallException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ToolCallException(message(e));
        }
    }

    /** A refusal of bad arguments, worded like the API's 400 details. */
    static ToolCallException invalid(String message) {
        return new ToolCallException(message);
    }

    /** The message for {@code failure}, logged as an operator needs it. */
    static String message(RuntimeException failure) {
        if (failure instanceof ToolCallException || failure instanceof InvalidQueryException
                || failure instanceof IndexBuildingException || failure instanceof IndexMismatchException) {
            return failure.getMessage();
        }
        if (failure instanceof CorpusException) {
            LOG.warn("Corpus unavailable: " + failure.getMessage());
            return failure.getMessage();
        }
        if (failure instanceof IndexException) {
            LOG.warn("Index unavailable: " + rootMessage(failure));
            return INDEX_UNAVAILABLE;
        }
        if (failure instanceof ConversationException || failure instanceof ModelException
                || failure instanceof RerankException) {
            LOG.warn("Tool call failed: " + rootMessage(failure));
            return failure.getMessage();
        }
        LOG.error("Unexpected failure in an MCP tool", failure);
        return UNEXPECTED;
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
