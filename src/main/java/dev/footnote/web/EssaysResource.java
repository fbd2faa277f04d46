package dev.footnote.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.footnote.index.EssayRecord;
import dev.footnote.index.EssayText;
import dev.footnote.index.Index;
import dev.footnote.search.QueryLimits;

/** {@code GET /api/essays} and {@code GET /api/essays/{id}}: the indexed essays. */
@Path("/api/essays")
@Produces(MediaType.APPLICATION_JSON)
public class EssaysResource {

    private final Index index;

    public EssaysResource(Index index) {
        this.index = index;
    }

    /** An essay in the list. */
    public record EssaySummary(String id, String title, boolean titleDerived, String author, String date,
            String url, List<String> sources, int passages) {

        static EssaySummary of(EssayRecord essay) {
            return new EssaySummary(essay.id(), essay.title(), essay.titleDerived(), essay.author(), essay.date(),
                    essay.url(), essay.sources(), essay.passages());
        }
    }

    /**
     * One essay with its text. {@code text} is the body as it stands in {@code source}, from offset
     * {@code textStart}: a passage's {@code start - textStart} is its position in {@code text}.
     */
    public record EssayDetail(String id, String title, boolean titleDerived, String author, String date,
            String url, List<String> sources, int passages, String source, int textStart, String text) {
    }

    @GET
    @Operation(summary = "Every indexed essay")
    public List<EssaySummary> list() {
        index.requireServing();
        return index.essays().stream().map(EssaySummary::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One essay with its text")
    public EssayDetail get(@PathParam("id") String id) {
        QueryLimits.essayId(id, "the essay id");
        index.requireServing();
        EssayText found = index.essayText(id)
                .orElseThrow(() -> ProblemException.notFound("no essay with id \"" + id + "\""));
        EssayRecord essay = found.essay();
        return new EssayDetail(essay.id(), essay.title(), essay.titleDerived(), essay.author(), essay.date(),
                essay.url(), essay.sources(), essay.passages(), essay.source(), essay.bodyStart(), found.body());
    }
}
