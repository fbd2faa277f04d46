package dev.footnote.web;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json} through {@link Problems}: bad input is a 4xx
 * with a useful detail, an unavailable index or database a 503, and anything unexpected a 500 without a
 * stack trace.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(RuntimeException e) {
        return Problems.response(e);
    }
}
