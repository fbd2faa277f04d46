package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footnote.TestCorpus;
import dev.footnote.config.FootnoteConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PassagesResourceTest {

    @Inject
    FootnoteConfig config;

    @Test
    void should_find_the_essay_a_question_is_about() {
        JsonPath body = given().queryParam("q", "How does the AI wiki keep visitors from typing in the address "
                        + "of any article they like?")
                .when().get("/api/passages")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertThat(body.getList("passages.essay.title", String.class)).contains("Endless AI-generated Wikipedia");
        assertThat(body.getList("passages.rank", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(body.getList("passages.score", Double.class)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void should_return_spans_that_slice_the_passage_out_of_its_source_file() {
        List<Map<String, Object>> passages = given().queryParam("q", "centaur chess").queryParam("k", 20)
                .when().get("/api/passages")
                .then().statusCode(200).extract().jsonPath().getList("passages");
        assertThat(passages).hasSize(20).allSatisfy(passage -> {
            String file = TestCorpus.read((String) passage.get("source"));
            assertThat(file.substring((Integer) passage.get("start"), (Integer) passage.get("end")))
                    .isEqualTo(passage.get("text"));
        });
    }

    @Test
    void should_describe_the_essay_of_each_passage() {
        given().queryParam("q", "DGX Spark power efficiency").queryParam("k", 1)
                .when().get("/api/passages")
                .then().statusCode(200)
                .body("query", equalTo("DGX Spark power efficiency"))
                .body("passages", hasSize(1))
                .body("passages[0].essay.title", equalTo("First look at the DGX Spark"))
                .body("passages[0].essay.author", equalTo("Xe Iaso"))
                .body("passages[0].essay.date", equalTo("Yesterday"))
                .body("passages[0].essay.sources", equalTo(List.of(TestCorpus.FEED_2)));
    }

    @Test
    void should_filter_by_author_case_insensitively_and_by_essay() {
        List<String> authors = given().queryParam("q", "testing").queryParam("author", "simon WILLISON")
                .queryParam("k", 10)
                .when().get("/api/passages")
                .then().statusCode(200).extract().jsonPath().getList("passages.essay.author");
        // Simon Willison has 4 essays here: the filter applies during the scan, so all 10 come back
        assertThat(authors).hasSize(10).containsOnly("Simon Willison");

        String essayId = given().queryParam("q", "wiki").queryParam("k", 1).get("/api/passages")
                .jsonPath().getString("passages[0].essay.id");
        List<String> ids = given().queryParam("q", "language models").queryParam("essay", essayId)
                .queryParam("k", 3).get("/api/passages").jsonPath().getList("passages.essay.id");
        assertThat(ids).hasSize(3).containsOnly(essayId);
    }

    @Test
    void should_rank_by_score_alone_and_keep_to_one_essay_when_asked() {
        // no per-essay cap by default: the essay that answers best may fill the result, best passage first
        for (int k : new int[] {4, 5, 10}) {
            List<Float> scores = given().queryParam("q", "LLM evaluation benchmarks and judges").queryParam("k", k)
                    .get("/api/passages").jsonPath().getList("passages.score", Float.class);
            assertThat(scores).hasSize(k).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        String big = given().queryParam("q", "LLM evaluation benchmarks").queryParam("k", 1).get("/api/passages")
                .jsonPath().getString("passages[0].essay.id");
        List<String> one = given().queryParam("q", "LLM evaluation benchmarks").queryParam("essay", big)
                .queryParam("k", 8).get("/api/passages").jsonPath().getList("passages.essay.id");
        assertThat(one).hasSize(8).containsOnly(big);
    }

    @Test
    void should_find_rare_words_through_the_keyword_leg() {
        JsonPath body = given().queryParam("q", "StringZilla").queryParam("k", 1).get("/api/passages").jsonPath();
        assertThat(body.getString("passages[0].text")).contains("StringZilla");
        assertThat(body.getDouble("passages[0].keywords")).isEqualTo(1.0);
    }

    @Test
    void should_score_passages_between_zero_and_one_with_their_two_parts() {
        List<Map<String, Object>> passages = given().queryParam("q", "why is the pytest suite slow").queryParam("k", 10)
                .get("/api/passages").jsonPath().getList("passages");
        assertThat(passages).allSatisfy(p -> {
            assertThat(((Number) p.get("score")).doubleValue()).isBetween(0.0, 1.0);
            assertThat(((Number) p.get("keywords")).doubleValue()).isBetween(0.0, 1.0);
            assertThat(((Number) p.get("similarity")).doubleValue()).isBetween(-1.0, 1.0);
        });
    }

    @Test
    void should_match_an_author_by_surname_or_part_of_the_name_as_users_type_it() {
        for (String typed : new String[] {"Willison", "willison", "Simon", "Willi", "simon w", "Sim Will"}) {
            List<String> authors = given().queryParam("q", "testing").queryParam("author", typed).queryParam("k", 5)
                    .get("/api/passages").then().statusCode(200).extract().jsonPath().getList("passages.essay.author");
            assertThat(authors).as(typed).hasSize(5).containsOnly("Simon Willison");
        }
    }

    @Test
    void should_answer_404_for_an_author_or_essay_the_index_does_not_have() {
        given().queryParam("q", "testing").queryParam("author", "Nobody At All")
                .when().get("/api/passages")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no essay author matches \"Nobody At All\""));
        given().queryParam("q", "testing").queryParam("essay", "no-such-essay")
                .when().get("/api/passages")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no essay with id \"no-such-essay\""));
    }

    @Test
    void should_mark_each_passage_relevant_or_not_against_the_threshold() {
        List<Map<String, Object>> related = given().queryParam("q", "What does Goedecke say centaur chess describes?")
                .queryParam("k", 3).get("/api/passages").jsonPath().getList("passages");
        assertThat(related).first().satisfies(p -> assertThat(p.get("relevant")).isEqualTo(true));
        List<Map<String, Object>> unrelated = given().queryParam("q", "best time of year to plant tulip bulbs")
                .queryParam("k", 3).get("/api/passages").jsonPath().getList("passages");
        assertThat(unrelated).isNotEmpty().allSatisfy(p -> assertThat(p.get("relevant")).isEqualTo(false));
        assertThat(related).allSatisfy(p -> assertThat(p.get("relevant"))
                .isEqualTo(((Number) p.get("score")).doubleValue() >= config.search().minScore()));
    }

    @Test
    void should_reject_a_missing_blank_or_oversized_question() {
        badRequest(Map.of(), "`q` is required");
        badRequest(Map.of("q", "   "), "`q` is required");
        badRequest(Map.of("q", "x".repeat(2001)), "at most 2000");
    }

    @Test
    void should_reject_control_characters_in_any_parameter_with_400() {
        badRequest(Map.of("q", "wiki\u0000"), "plain text");
        badRequest(Map.of("q", "wiki", "author", "Willison\u0001"), "plain text");
        badRequest(Map.of("q", "wiki", "essay", "\u0000"), "plain text");
    }

    @Test
    void should_take_a_question_of_2000_accented_characters_in_the_address() {
        given().queryParam("q", "é".repeat(2000)).when().get("/api/passages").then().statusCode(200);
    }

    @Test
    void should_reject_k_outside_1_to_50() {
        badRequest(Map.of("q", "wiki", "k", "0"), "`k` must be from 1 to 50");
        badRequest(Map.of("q", "wiki", "k", "51"), "`k` must be from 1 to 50");
        badRequest(Map.of("q", "wiki", "k", "five"), "whole number");
    }

    @Test
    void should_take_k_only_as_digits_0_to_9() {
        for (String k : new String[] { " 5", "+5", "５", "٥", "5 ", "-0", "05.0", "1e1" }) {
            badRequest(Map.of("q", "wiki", "k", k), "written in digits 0-9");
        }
        given().queryParam("q", "wiki").queryParam("k", "05").get("/api/passages").then().statusCode(200);
    }

    private static void badRequest(Map<String, String> params, String detail) {
        given().queryParams(params)
                .when().get("/api/passages")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString(detail));
    }
}
