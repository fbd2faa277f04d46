package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.footnote.TestCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code /api/chat} with the default, offline extractive answerer. */
@QuarkusTest
class ChatResourceTest {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    @Test
    void should_say_that_questions_are_read_in_english_when_one_comes_in_another_language() {
        JsonPath answer = chat(Map.of("question", "Was sagt Goedecke über Code-Reviews?"));

        assertThat(answer.getBoolean("grounded")).isFalse();
        assertThat(answer.getList("citations")).isEmpty();
        assertThat(answer.getString("answer")).contains("read in English").contains("ask it in English")
                .doesNotContain("don't cover");
    }

    @Test
    void should_answer_with_citations_that_match_the_markers_and_point_exactly_into_the_files() {
        JsonPath answer = chat(Map.of("question", "What does Goedecke say centaur chess describes?"));
        assertThat(answer.getBoolean("grounded")).isTrue();
        assertThat(answer.getString("provider")).isEqualTo("extractive");
        assertThat(answer.getString("answer")).startsWith("Quoted from the essays:").contains("centaur chess");
        assertContractInvariants(answer);
        assertThat(answer.getList("citations.essay.title", String.class))
                .contains("AI is good news for Australian and European software engineers");
    }

    @Test
    void should_say_plainly_when_the_essays_do_not_cover_the_question() {
        JsonPath answer = chat(Map.of("question", "What is the best time of year to plant tulip bulbs?"));
        assertThat(answer.getBoolean("grounded")).isFalse();
        assertThat(answer.getList("citations")).isEmpty();
        assertThat(answer.getString("answer")).contains("don't cover");
    }

    @Test
    void should_resolve_a_follow_up_from_the_conversation() {
        // given a question about an essay by Sean Goedecke
        JsonPath first = chat(Map.of("question", "How does the AI-generated wiki stop visitors from typing in the "
                + "address of any article?"));
        assertThat(first.getList("citations.essay.author", String.class)).first().isEqualTo("Sean Goedecke");
        // when
        JsonPath followUp = chat(Map.of("question", "What did he say about code review?",
                "conversationId", first.getString("conversationId")));
        // then
        assertThat(followUp.getString("conversationId")).isEqualTo(first.getString("conversationId"));
        assertThat(followUp.getString("question")).isEqualTo("What did Sean Goedecke say about code review?");
        assertThat(followUp.getList("citations.essay.author", String.class)).isNotEmpty().containsOnly("Sean Goedecke");
        assertThat(followUp.getList("citations.essay.title", String.class)).anyMatch(t -> t.contains("code review"));
    }

    @Test
    void should_start_a_new_conversation_for_an_unknown_id() {
        String unknown = "00000000-0000-0000-0000-000000000000";
        JsonPath answer = chat(Map.of("question", "What is centaur chess?", "conversationId", unknown));
        assertThat(answer.getString("conversationId")).isNotEqualTo(unknown).matches("[0-9a-f-]{36}");
        assertThat(chat(Map.of("question", "What is centaur chess?", "conversationId", "not-a-uuid"))
                .getString("conversationId")).matches("[0-9a-f-]{36}");
    }

    @Test
    void should_stream_citations_then_tokens_then_the_same_answer() {
        Stream stream = stream("What does Goedecke say centaur chess describes?");

        assertThat(stream.names.get(0)).isEqualTo("citations");
        assertThat(stream.names.subList(1, stream.names.size() - 1)).isNotEmpty().containsOnly("token");
        assertThat(stream.names.get(stream.names.size() - 1)).isEqualTo("done");
        JsonPath answer = JsonPath.from(stream.done);
        assertThat(stream.tokens.toString()).startsWith("Quoted from the essays:");
        assertThat(answer.getBoolean("grounded")).isTrue();
        assertContractInvariants(answer);
    }

    @Test
    void should_stream_a_refusal_without_citations_when_the_passages_lack_the_fact() {
        // the essays discuss StringZilla, never its license
        Stream stream = stream("Which license does the StringZilla library ship under?");

        assertThat(stream.names).containsExactly("citations", "token", "done");
        assertThat(stream.citations).isEqualTo("[]");
        JsonPath answer = JsonPath.from(stream.done);
        assertThat(answer.getBoolean("grounded")).isFalse();
        assertThat(answer.getList("citations")).isEmpty();
        assertThat(stream.tokens.toString()).isEqualTo(answer.getString("answer")).contains("don't cover");
    }

    private record Stream(List<String> names, String citations, StringBuilder tokens, String done) {
    }

    private static Stream stream(String question) {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("question", question))
                .when().post("/api/chat/stream")
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString();
        List<String> names = new ArrayList<>();
        StringBuilder tokens = new StringBuilder();
        String citations = null;
        String done = null;
        for (String event : body.split("\n\n")) {
            String name = event.replaceAll("(?s).*?event:\\s?(\\S+).*", "$1");
            String data = String.join("\n", event.lines().filter(l -> l.startsWith("data:"))
                    .map(l -> l.substring(l.startsWith("data: ") ? 6 : 5)).toList());
            names.add(name);
            switch (name) {
                case "token" -> tokens.append(data);
                case "citations" -> citations = data;
                case "done" -> done = data;
                default -> { }
            }
        }
        return new Stream(names, citations, tokens, done);
    }

    @Test
    void should_reject_bad_requests_with_problem_details() {
        problem(ContentType.JSON, "{}", 400, "\"question\" is required");
        problem(ContentType.JSON, "{\"question\": \"  \"}", 400, "must not be blank");
        problem(ContentType.JSON, "{\"question\": \"" + "x".repeat(2001) + "\"}", 400, "at most 2000");
        problem(ContentType.JSON, "{\"question\": \"wiki\", \"k\": 0}", 400, "\"k\" must be");
        problem(ContentType.JSON, "{\"question\": \"wiki\", \"k\": 51}", 400, "\"k\" must be");
        problem(ContentType.JSON, "{\"question\": \"wiki\", \"k\": \"5\"}", 400, "\"k\" must be");
        problem(ContentType.JSON, "{\"question\": ", 400, "not valid JSON");
        problem(ContentType.JSON, "[1, 2]", 400, "JSON object");
        problem(ContentType.TEXT, "what is centaur chess?", 415, "application/json");
    }

    @Test
    void should_read_only_strict_json_sent_as_json() {
        problem(ContentType.JSON, "{\"question\": \"wiki\"} trailing", 400, "not valid JSON");
        problem(ContentType.JSON, "{\"question\": \"wiki\"} {}", 400, "there is more after the first JSON value");
        problem(ContentType.JSON, "{\"question\": \"wiki\", \"k\": 5.0}", 400, "\"k\" must be");
        problem(ContentType.JSON, "{\"question\": \"wiki\", \"question\": \"other\"}", 400, "not valid JSON");
        problem(ContentType.JSON, "{\"question\": \"wiki\", \"k\": 4294967301}", 400, "\"k\" must be");
        problem(ContentType.URLENC, "question=wiki", 415, "application/json");
        for (String path : List.of("/api/chat", "/api/chat/stream")) {
            // no Content-Type at all, as a cross-site form post without one would send
            given().body("{\"question\": \"wiki\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post(path)
                    .then().statusCode(415).contentType("application/problem+json");
        }
    }

    @Test
    void should_reject_control_characters_and_lone_surrogates_with_400_not_5xx() {
        problem(ContentType.JSON, "{\"question\": \"wiki\\u0000wiki\"}", 400, "plain text");
        problem(ContentType.JSON, "{\"question\": \"wiki \\ud800 wiki\"}", 400, "plain text");
        problem(ContentType.JSON, "{\"question\": \"wiki\", \"conversationId\": \"a\\u0007b\"}", 400, "plain text");
    }

    private static void problem(ContentType type, String body, int status, String detail) {
        for (String path : List.of("/api/chat", "/api/chat/stream")) {
            given().contentType(type).body(body)
                    .when().post(path)
                    .then().statusCode(status)
                    .contentType("application/problem+json")
                    .body("status", equalTo(status))
                    .body("detail", containsString(detail));
        }
    }

    static JsonPath chat(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request)
                .when().post("/api/chat")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** Every [n] has exactly one citation, every citation is referenced, quotes and spans are exact. */
    static void assertContractInvariants(JsonPath answer) {
        List<Integer> referenced = new ArrayList<>();
        Matcher m = MARKER.matcher(answer.getString("answer"));
        while (m.find()) {
            referenced.add(Integer.parseInt(m.group(1)));
        }
        List<Map<String, Object>> citations = answer.getList("citations");
        assertThat(citations).extracting(c -> (Integer) c.get("n")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(referenced.stream().distinct().toList());
        for (Map<String, Object> c : citations) {
            String text = (String) c.get("text");
            assertThat(text).contains((String) c.get("quote"));
            String file = TestCorpus.read((String) c.get("source"));
            assertThat(file.substring((Integer) c.get("start"), (Integer) c.get("end"))).isEqualTo(text);
        }
    }
}
