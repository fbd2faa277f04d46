package dev.footnote.web;

import java.util.List;

import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.text.StrictJson;
import dev.footnote.verify.CitationVerifier;
import dev.footnote.verify.CitationsJson;
import dev.footnote.verify.CitedQuote;
import dev.footnote.verify.VerifyReport;

/**
 * {@code POST /api/verify}: re-checks the citations of a saved answer against the corpus files, as the {@code
 * verify} command does. 200 when every citation is {@code exact} or {@code moved}; 409 with the same report
 * when one is {@code changed} or {@code missing}.
 */
@Path("/api/verify")
public class VerifyResource {

    private final CitationVerifier verifier;
    private final StrictJson json;
    private final Validator validator;

    public VerifyResource(CitationVerifier verifier, ObjectMapper json, Validator validator) {
        this.verifier = verifier;
        this.json = new StrictJson(json);
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-check the citations of a saved answer against the essay files")
    @APIResponse(responseCode = "200", description = "Every quote is where it was cited, or elsewhere in its file")
    @APIResponse(responseCode = "409", description = "A quote is no longer in its file, or the file is gone")
    public Response verify(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CitationsJson.SavedCitations.class))) String body) {
        JsonBodies.requireJson(contentType);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("the request body must be a saved chat answer with \"citations\"");
        }
        List<CitedQuote> citations = CitationsJson.parse(json, validator, body, "the request body");
        VerifyReport report = verifier.verify(citations);
        return Response.status(report.verified() ? Response.Status.OK : Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON).entity(report).build();
    }
}
