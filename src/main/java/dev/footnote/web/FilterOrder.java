package dev.footnote.web;

/**
 * The order of the router handlers that run before any resource, first to last: a request is tracked as in
 * flight, then checked against the size and encoding limits, then its Host, then its API key, then, for MCP, its
 * JSON-RPC envelope.
 */
public final class FilterOrder {

    static final int CONNECTIONS = Integer.MIN_VALUE;
    static final int LIMITS = Integer.MIN_VALUE + 1;
    static final int HOST = Integer.MIN_VALUE + 2;
    static final int KEYS = Integer.MIN_VALUE + 3;
    public static final int MCP_REQUESTS = Integer.MIN_VALUE + 4;

    private FilterOrder() {
    }
}
