package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What Footnote does shows on {@code /q/metrics}: search stages, answers by outcome, reindexes. */
@QuarkusTest
class MetricsTest {

    @Test
    void should_expose_search_stages_answer_outcomes_and_reindexes() {
        given().queryParam("q", "centaur chess").get("/api/passages").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("question", "What is the best time of year to plant tulips?"))
                .post("/api/chat").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        for (String stage : new String[] { "embed", "retrieve", "rerank" }) {
            assertThat(metrics).containsPattern("footnote_search_stage_seconds_count\\{[^}]*stage=\"" + stage + "\"");
        }
        assertThat(metrics).containsPattern("footnote_chat_answers_total\\{[^}]*outcome=\"not_covered\"[^}]*} [1-9]");
        // the shared test index was built or checked when the application started
        assertThat(metrics).containsPattern("footnote_reindex_seconds_count\\{[^}]*outcome=\"done\"[^}]*} [1-9]")
                .contains("footnote_reindex_essays_total").contains("footnote_reindex_embedded_total");
    }
}
