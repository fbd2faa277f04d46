package dev.footnote.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.footnote.index.IndexException;
import dev.footnote.index.IndexMismatchException;
import dev.footnote.rerank.RerankException;

/**
 * Turns every failure into {@code application/problem+json}: bad input is a 4xx with a useful detail, an
 * unavailable index or database a 503, and anything unexpected a 500 without a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response mismatch(IndexMismatchException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response index(IndexException e) {
        LOG.warn("Index unavailable", e);
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "the passage index is not available right now: " + e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response rerank(RerankException e) {
        LOG.warn("Re-ranking failed", e);
        return Problem.of(e.timedOut() ? Response.Status.GATEWAY_TIMEOUT : Response.Status.BAD_GATEWAY,
                e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported media type; send application/json";
            default -> e.getMessage();
        };
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred; see the server log")
                .toResponse();
    }
}
