package dev.footnote.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.footnote.examples.ExampleQuestions;
import dev.footnote.index.Index;

/** {@code GET /api/overview}: what the index holds, and questions to try on it (the page's start screen). */
@Path("/api/overview")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    /** Example questions offered; each comes from a different essay. */
    static final int EXAMPLES = 3;

    private final Index index;
    private final ExampleQuestions examples;

    public OverviewResource(Index index, ExampleQuestions examples) {
        this.index = index;
        this.examples = examples;
    }

    /** The served collection in numbers, and example questions that Footnote answers from it. */
    public record Overview(int essays, int authors, int passages, List<ExampleQuestions.Example> examples) {
    }

    @GET
    @Operation(summary = "How many essays, authors and passages are served, with example questions")
    public Overview overview() {
        index.requireServing();
        return new Overview(index.essayCount(), index.authors().size(), index.passageCount(),
                examples.examples(EXAMPLES));
    }
}
