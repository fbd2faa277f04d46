package dev.footnote.web;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Answers a request with a problem from a router handler, before any resource reads it. */
final class RouteProblems {

    private RouteProblems() {
    }

    /**
     * Ends the request with {@code problem}; under {@code /v1} with OpenAI's {@code error} member beside it too
     * ({@link ErrorResponse}), as the OpenAI-compatible API's own errors have it.
     */
    static void send(RoutingContext context, Problem problem, ObjectMapper json) {
        String body;
        try {
            // the path as sent: the router's normalised one cannot be had for an address it cannot decode
            String path = String.valueOf(context.request().path()).replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
            body = json.writeValueAsString(path.equals("/v1") || path.startsWith("/v1/")
                    ? ErrorResponse.of(problem, false) : problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (context.response().ended()) {
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (!context.request().isEnded()) {
            // the body of a refused upload is not read: close the connection rather than drain it
            response.putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> context.request().connection().close());
        }
        response.end(body);
    }
}
