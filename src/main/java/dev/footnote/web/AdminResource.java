package dev.footnote.web;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.footnote.corpus.CorpusLocation;
import dev.footnote.index.Index;
import dev.footnote.index.ReindexListener;
import dev.footnote.index.ReindexOptions;
import dev.footnote.index.ReindexSummary;

/**
 * {@code POST /api/admin/reindex}: the {@code reindex} command over HTTP. Its realm asks for
 * {@code Authorization: Bearer <footnote.admin.token>} ({@link KeyPolicy}); without a configured token the
 * endpoint is disabled.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Index index;
    private final CorpusLocation corpus;
    private final Keyring keyring;

    AdminResource(Index index, CorpusLocation corpus, Keyring keyring) {
        this.index = index;
        this.corpus = corpus;
        this.keyring = keyring;
    }

    @POST
    @Path("reindex")
    @Operation(summary = "Bring the index in line with the corpus (admin token required)")
    public ReindexSummary reindex() {
        if (!keyring.guards(KeyRealm.ADMIN)) {
            throw new ProblemException(Response.Status.NOT_FOUND,
                    "admin endpoints are disabled: set footnote.admin.token to enable them");
        }
        return index.reindex(ReindexOptions.incremental(corpus.folder()), ReindexListener.SILENT);
    }
}
