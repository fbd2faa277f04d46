package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OverviewResourceTest {

    @Test
    void should_count_what_is_served_and_offer_questions_the_essays_answer() {
        JsonPath overview = given().get("/api/overview").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> essays = given().get("/api/essays").jsonPath().getList("");

        assertThat(overview.getInt("essays")).isEqualTo(essays.size());
        assertThat(overview.getInt("authors"))
                .isEqualTo((int) essays.stream().map(e -> e.get("author")).filter(a -> a != null).distinct().count());
        assertThat(overview.getInt("passages"))
                .isEqualTo(essays.stream().mapToInt(e -> ((Number) e.get("passages")).intValue()).sum());

        List<Map<String, String>> examples = overview.getList("examples");
        assertThat(examples).hasSize(OverviewResource.EXAMPLES);
        assertThat(examples).extracting(e -> e.get("essayId")).doesNotHaveDuplicates();
        for (Map<String, String> example : examples) {
            JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("question", example.get("question")))
                    .post("/api/chat").then().statusCode(200).extract().jsonPath();
            assertThat(answer.getBoolean("grounded")).as(example.get("question")).isTrue();
            assertThat(answer.getList("citations.essay.id", String.class)).as(example.get("question"))
                    .contains(example.get("essayId"));
        }
    }
}
