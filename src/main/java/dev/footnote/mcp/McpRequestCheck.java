package dev.footnote.mcp;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.footnote.web.FilterOrder;
import dev.footnote.web.JsonBodies;
import dev.footnote.web.RequestLimits;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.ToolManager;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads each JSON-RPC message posted to {@code /mcp} (Streamable HTTP) and {@code /mcp/messages/…} (the older SSE
 * transport) before the MCP server does, and answers one that is not well formed ({@link JsonRpcCheck}) with a
 * JSON-RPC error: HTTP 400 with -32700 or -32600 when there is no request to answer, 200 with -32602 and the
 * request's id when its parameters are wrong.
 */
@ApplicationScoped
class McpRequestCheck {

    private final JsonRpcCheck check;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    McpRequestCheck(ToolManager tools, ObjectMapper json) {
        this.check = new JsonRpcCheck(tools::getTool);
        this.bodies = new JsonBodies(json);
        this.json = json;
    }

    void install(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(RequestLimits.MAX_BODY);
        router.route(HttpMethod.POST, "/mcp").order(FilterOrder.MCP_REQUESTS).handler(body).handler(this::check);
        router.routeWithRegex(HttpMethod.POST, "/mcp/messages/.*").order(FilterOrder.MCP_REQUESTS).handler(body)
                .handler(this::check);
    }

    private void check(RoutingContext context) {
        Buffer body = context.body().buffer();
        if (body == null || body.length() == 0) {
            fail(context, 400, JsonRpcErrorCodes.INVALID_REQUEST, "the body is empty; send one JSON-RPC message",
                    null);
            return;
        }
        JsonNode message;
        try {
            message = bodies.readTree(body.toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            fail(context, 400, JsonRpcErrorCodes.PARSE_ERROR, "the body is not valid JSON: "
                    + JsonBodies.describe(e), null);
            return;
        }
        check.check(message).ifPresentOrElse(failure -> fail(context, failure.invalidRequest() ? 400 : 200,
                failure.code(), failure.message(), failure.id()), context::next);
    }

    private void fail(RoutingContext context, int status, int code, String message, JsonNode id) {
        ObjectNode error = json.createObjectNode().put("jsonrpc", "2.0");
        error.set("id", id == null ? json.nullNode() : id);
        error.putObject("error").put("code", code).put("message", message);
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(error.toString());
    }
}
