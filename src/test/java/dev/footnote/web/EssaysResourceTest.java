package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.footnote.TestCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class EssaysResourceTest {

    @Test
    void should_list_every_essay_once_with_its_sources_and_passage_count() {
        List<Map<String, Object>> essays = given().get("/api/essays").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(essays).hasSizeGreaterThan(40)
                .allSatisfy(essay -> assertThat((Integer) essay.get("passages")).isPositive());
        assertThat(essays).filteredOn(e -> "Values in AI".equals(e.get("title"))).singleElement()
                .satisfies(e -> assertThat(e.get("sources"))
                        .isEqualTo(List.of(TestCorpus.CATEGORY, TestCorpus.CONCATENATION)));
    }

    @Test
    void should_return_one_essay_with_text_that_the_passage_spans_point_into() {
        JsonPath passage = given().queryParam("q", "Firecracker").queryParam("k", 1).get("/api/passages").jsonPath();
        String id = passage.getString("passages[0].essay.id");
        JsonPath essay = given().get("/api/essays/" + id).then().statusCode(200).extract().jsonPath();
        String text = essay.getString("text");
        int textStart = essay.getInt("textStart");
        int start = passage.getInt("passages[0].start") - textStart;
        int end = passage.getInt("passages[0].end") - textStart;
        assertThat(text.substring(start, end)).isEqualTo(passage.getString("passages[0].text"));
        assertThat(essay.getString("source")).isEqualTo(passage.getString("passages[0].source"));
    }

    @Test
    void should_answer_404_problem_for_an_unknown_essay() {
        given().get("/api/essays/no-such-essay").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-essay"));
    }

    @Test
    void should_answer_400_for_an_id_no_essay_can_have() {
        given().urlEncodingEnabled(false).get("/api/essays/a%00b").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("the essay id must be plain text"));
    }

    @Test
    void should_report_ready_when_the_index_is_present() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'passage index' }.status", equalTo("UP"));
    }
}
