package dev.footnote.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.corpus.CorpusLocation;
import dev.footnote.index.Index;
import dev.footnote.index.ReindexListener;
import dev.footnote.index.ReindexOptions;
import dev.footnote.index.ReindexSummary;

/**
 * {@code POST /api/admin/reindex}: the {@code reindex} command over HTTP. It needs
 * {@code Authorization: Bearer <footnote.admin.token>}; without a configured token the endpoint is disabled.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Index index;
    private final CorpusLocation corpus;
    private final BearerKeys token;

    public AdminResource(Index index, CorpusLocation corpus, FootnoteConfig config) {
        this.index = index;
        this.corpus = corpus;
        this.token = new BearerKeys(config.admin().token().stream().toList());
    }

    @POST
    @Path("reindex")
    @Operation(summary = "Bring the index in line with the corpus (admin token required)")
    public ReindexSummary reindex(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        return index.reindex(ReindexOptions.incremental(corpus.folder()), ReindexListener.SILENT);
    }

    private void authorize(String authorization) {
        if (token.isEmpty()) {
            throw new ProblemException(Response.Status.NOT_FOUND,
                    "admin endpoints are disabled: set footnote.admin.token to enable them");
        }
        if (!BearerKeys.presented(authorization).map(token::accepts).orElse(false)) {
            throw new ProblemException(Response.Status.UNAUTHORIZED,
                    "send Authorization: Bearer <footnote.admin.token>");
        }
    }
}
