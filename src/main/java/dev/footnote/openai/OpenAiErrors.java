package dev.footnote.openai;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.footnote.web.ErrorResponse;
import dev.footnote.web.Problem;

/**
 * Gives every problem under {@code /v1} the {@code error} member of OpenAI's errors ({@link ErrorResponse}),
 * whatever raised it: a bad request, an unknown model, an unavailable index, an unknown address.
 */
public class OpenAiErrors {

    @ServerResponseFilter
    public void addError(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.getEntity() instanceof Problem problem && (path.equals("/v1") || path.startsWith("/v1/"))) {
            // the model is the only thing these two can fail to find
            boolean aboutModel = path.equals("/v1/chat/completions") || path.startsWith("/v1/models/");
            response.setEntity(ErrorResponse.of(problem, aboutModel));
        }
    }
}
