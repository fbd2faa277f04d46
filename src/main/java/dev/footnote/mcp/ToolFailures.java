package dev.footnote.mcp;

import java.util.function.Supplier;

import dev.footnote.web.Problems;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * Turns what goes wrong inside a tool into a tool error: a result with {@code isError} and a message the agent
 * can act on (fix an argument, try again shortly), never a JSON-RPC error that many clients show as a crash.
 * The messages are those the REST API puts in a problem's detail; what only an operator needs (SQL, hosts,
 * stack traces) goes to the log.
 */
final class ToolFailures {

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

    /**
     * The message for {@code failure}: the detail the REST API would give in its problem, logged as the API logs
     * it (so that a failure repeated by every call is not logged every time).
     */
    static String message(RuntimeException failure) {
        return failure instanceof ToolCallException ? failure.getMessage() : Problems.of(failure).detail();
    }
}
