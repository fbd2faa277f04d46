package dev.footnote.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.footnote.evidence.Evidence;
import dev.footnote.index.EssayRecord;
import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the ways in make of the pipeline's trace, with the pipeline mocked: {@code /api/chat} and {@code /v1} show
 * an answer, a declined question and a failed model server alike, whatever the index and the models would say.
 */
@QuarkusTest
class RoutesOverMockedPipelineTest {

    private static final String QUESTION = "Who carved the lighthouse's door?";
    private static final EssayRecord ESSAY = new EssayRecord("lighthouse", "The Lighthouse", false, "Ada Keeper",
            "2024-01-01", null, List.of("lighthouse.md"), "lighthouse.md", 0, 1, "abc123");
    private static final PassageHit PASSAGE = new PassageHit(UUID.randomUUID(), 0.9, 0.8, 0.5,
            "The door was carved by Mara Stone in 1901.", "lighthouse.md", 40, 82, new Span(40, 82), ESSAY);

    @InjectMock
    AnswerPipeline pipeline;

    @Test
    void should_show_the_traces_answer_and_citations_as_they_are() {
        Citation citation = Citation.of(1, 1, "The door was carved by Mara Stone in 1901.", PASSAGE);
        answer(new Trace(QUESTION, ResolvedQuestion.asWritten(QUESTION), List.of(PASSAGE), Evidence.NONE,
                Optional.of("Mara Stone carved it [1]."), Outcome.ANSWERED, "Mara Stone carved it [1].",
                List.of(citation), List.of(), "extractive"));

        given().contentType(ContentType.JSON).body("{\"question\": \"" + QUESTION + "\"}").post("/api/chat")
                .then().statusCode(200)
                .body("answer", equalTo("Mara Stone carved it [1]."))
                .body("grounded", equalTo(true))
                .body("conversationId", notNullValue())
                .body("citations[0].n", equalTo(1))
                .body("citations[0].quote", equalTo("The door was carved by Mara Stone in 1901."))
                .body("citations[0].source", equalTo("lighthouse.md"))
                .body("citations[0].start", equalTo(40))
                .body("citations[0].end", equalTo(82))
                .body("citations[0].essay.author", equalTo("Ada Keeper"));
        given().contentType(ContentType.JSON).body(completion()).post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", startsWith("Mara Stone carved it [1].\n\nSources:\n[1] The "
                        + "Lighthouse — Ada Keeper, lighthouse.md, characters 40–82"))
                .body("grounded", equalTo(true))
                .body("citations[0].quote", equalTo("The door was carved by Mara Stone in 1901."));
    }

    @Test
    void should_show_a_declined_question_without_citations() {
        answer(new Trace(QUESTION, ResolvedQuestion.asWritten(QUESTION), List.of(), Evidence.NONE, Optional.empty(),
                Outcome.OTHER_LANGUAGE, AnswerPipeline.ENGLISH_ONLY, List.of(), List.of(), "extractive"));

        given().contentType(ContentType.JSON).body("{\"question\": \"" + QUESTION + "\"}").post("/api/chat")
                .then().statusCode(200)
                .body("answer", equalTo(AnswerPipeline.ENGLISH_ONLY))
                .body("grounded", equalTo(false))
                .body("citations", empty());
        given().contentType(ContentType.JSON).body(completion()).post("/v1/chat/completions")
                .then().statusCode(200)
                .body("grounded", equalTo(false))
                .body("citations", empty());
    }

    @Test
    void should_answer_a_model_servers_timeout_with_504_in_each_ways_words() {
        when(pipeline.run(eq(QUESTION), anyList(), any(), any()))
                .thenThrow(new ModelException("the model server did not answer within 30 s", true, null));

        given().contentType(ContentType.JSON).body("{\"question\": \"" + QUESTION + "\"}").post("/api/chat")
                .then().statusCode(504).contentType("application/problem+json")
                .body("detail", equalTo("the model server did not answer within 30 s"));
        given().contentType(ContentType.JSON).body(completion()).post("/v1/chat/completions")
                .then().statusCode(504)
                .body("error.message", containsString("did not answer within 30 s"));
    }

    private void answer(Trace trace) {
        when(pipeline.run(eq(QUESTION), anyList(), any(), any())).thenReturn(trace);
        when(pipeline.provider()).thenReturn("extractive");
    }

    private static String completion() {
        return "{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}";
    }
}
