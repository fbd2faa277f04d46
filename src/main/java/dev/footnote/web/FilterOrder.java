package dev.footnote.web;

/**
 * The order of the router handlers that run before any resource, first to last: a request is tracked as in
 * flight, then checked against the size and encoding limits, then its Host; then come Quarkus's CORS,
 * authentication and authorization handlers (orders -300 to -100, where the keys are checked: {@link KeyPolicy}),
 * and then, for MCP, its JSON-RPC envelope.
 */
public final class FilterOrder {

    static final int CONNECTIONS = Integer.MIN_VALUE;
    static final int LIMITS = Integer.MIN_VALUE + 1;
    static final int HOST = Integer.MIN_VALUE + 2;
    /** After Quarkus's authorization handler (order -100), before any route of the default order (0 onwards). */
    public static final int MCP_REQUESTS = -1;

    private FilterOrder() {
    }
}
