package dev.footnote.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.footnote.index.Index;
import dev.footnote.search.PassageHit;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;
import dev.footnote.search.RelevanceGate;

/** {@code GET /api/passages}: the passages that best match a question, with exact spans into their files. */
@Path("/api/passages")
@Produces(MediaType.APPLICATION_JSON)
public class PassagesResource {

    private final PassageSearch search;
    private final RelevanceGate gate;
    private final Index index;

    public PassagesResource(PassageSearch search, RelevanceGate gate, Index index) {
        this.search = search;
        this.gate = gate;
        this.index = index;
    }

    /** The response body. */
    public record PassagesResponse(String query, List<PassageJson> passages) {
    }

    /**
     * One passage: {@code source}'s text from {@code start} to {@code end} is exactly {@code text}. For Markdown,
     * HTML and feeds, {@code start}/{@code end} are the stretch of the file on disk that holds the passage, markup
     * included, and {@code text} is its reading text from {@code textStart} to {@code textEnd} (see
     * {@code ReadingText}); for a text file both pairs agree.
     * {@code score} is the relevance in [0, 1]; {@code similarity} and {@code keywords} are its two parts.
     * {@code relevant} says whether the score clears the threshold below which chat treats a passage as
     * unrelated to the question ({@code footnote.search.min-score}). {@code sha256} is the digest of the file
     * {@code source} as indexed.
     */
    public record PassageJson(int rank, double score, boolean relevant, double similarity, double keywords,
            String text, String source, int start, int end, int textStart, int textEnd, String sha256,
            EssayJson essay) {

        static PassageJson of(int rank, PassageHit hit, boolean relevant) {
            return new PassageJson(rank, round(hit.score()), relevant, round(hit.similarity()),
                    round(hit.keywords()), hit.text(), hit.source(), hit.sourceSpan().start(), hit.sourceSpan().end(),
                    hit.start(), hit.end(), hit.essay().sourceSha256(),
                    EssayJson.of(hit.essay()));
        }

        private static double round(double value) {
            return Math.round(value * 10000) / 10000.0;
        }
    }

    @GET
    @Operation(summary = "Passages that best match a question")
    public PassagesResponse passages(
            @Parameter(description = "the question, 1 to 2000 characters", required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = PassageQuery.MAX_TEXT_LENGTH))
            @QueryParam("q") String q,
            @Parameter(description = "how many passages, 1 to 50 (default 5)", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "" + PassageQuery.MAX_K,
                    defaultValue = "" + PassageQuery.DEFAULT_K))
            @QueryParam("k") String k,
            @Parameter(description = "only essays by authors this name matches: a surname or any part of a name, "
                    + "any case") @QueryParam("author") String author,
            @Parameter(description = "only this essay (its id)") @QueryParam("essay") String essay) {
        PassageQuery query = new PassageQuery(Params.question(q, "q"), Params.k(k), Params.optional(author, "author"),
                Params.optional(essay, "essay"));
        List<PassageHit> hits = search.search(query);
        if (hits.isEmpty()) {
            requireKnown(query); // nothing found may mean a filter that names nothing: say which
        }
        List<PassageJson> passages = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            passages.add(PassageJson.of(i + 1, hits.get(i), gate.isRelevant(hits.get(i))));
        }
        return new PassagesResponse(query.text(), passages);
    }

    /** A filter naming no author or essay of the index is a mistake worth saying, not an empty result. */
    private void requireKnown(PassageQuery query) {
        query.author().filter(name -> search.authorsMatching(name).isEmpty()).ifPresent(name -> {
            throw ProblemException.notFound("no essay author matches \"" + name + "\"");
        });
        query.essayId().filter(id -> !index.hasEssay(id)).ifPresent(id -> {
            throw ProblemException.notFound("no essay with id \"" + id + "\"");
        });
    }
}
