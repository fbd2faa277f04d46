package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code POST /api/verify} with answers straight from {@code POST /api/chat}. */
@QuarkusTest
class VerifyResourceTest {

    private static final String QUESTION = "{\"question\": \"Which blogger claims that skill at evaluating colleagues' "
            + "pull requests carries over directly into skill with AI programming assistants?\"}";

    @Test
    void should_find_every_quote_of_a_fresh_answer_exact() {
        String answer = given().contentType(ContentType.JSON).body(QUESTION).post("/api/chat")
                .then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).body(answer).post("/api/verify")
                .then().statusCode(200)
                .body("verified", equalTo(true))
                .body("exact", greaterThan(0))
                .body("citations.status", everyItem(equalTo("exact")))
                .body("citations.fileUnchanged", everyItem(equalTo(true)));
    }

    @Test
    void should_answer_409_with_the_report_when_a_quote_is_gone() {
        JsonPath answer = given().contentType(ContentType.JSON).body(QUESTION).post("/api/chat")
                .then().statusCode(200).extract().jsonPath();
        String source = answer.getString("citations[0].source");
        String citations = "[{\"n\": 1, \"quote\": \"A sentence no essay holds.\", \"source\": \"" + source
                + "\", \"start\": 10, \"end\": 36}]";
        given().contentType(ContentType.JSON).body(citations).post("/api/verify")
                .then().statusCode(409).contentType(ContentType.JSON)
                .body("verified", equalTo(false))
                .body("citations[0].status", equalTo("changed"))
                .body("citations[0].closest.text", containsString(" "));
        given().contentType(ContentType.JSON)
                .body("[{\"quote\": \"Anything.\", \"source\": \"no-such-file.txt\", \"start\": 0, \"end\": 9}]")
                .post("/api/verify")
                .then().statusCode(409).body("citations[0].status", equalTo("missing"));
    }

    @Test
    void should_refuse_what_it_cannot_check_with_a_problem() {
        given().contentType(ContentType.JSON).body("{\"answer\": \"no citations here\"}").post("/api/verify")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("\"citations\" is required: send a chat answer with \"citations\", or an array "
                        + "of citations"));
        given().contentType(ContentType.JSON)
                .body("[{\"quote\": \"x\", \"source\": \"../../etc/passwd\", \"start\": 0, \"end\": 1}]")
                .post("/api/verify")
                .then().statusCode(400)
                .body("detail", containsString("is not the name of a file in the corpus folder"));
        given().contentType(ContentType.JSON).body("[{\"quote\": \"x\", \"source\": \"a.txt\", \"start\": \"ten\"}]")
                .post("/api/verify")
                .then().statusCode(400).body("detail", equalTo("citation 1: \"start\" must be a whole number"));
        given().contentType(ContentType.JSON).body("{").post("/api/verify")
                .then().statusCode(400).body("detail", containsString("not valid JSON"));
    }

    @Test
    void should_read_its_body_as_strictly_as_chat_does() {
        given().contentType(ContentType.JSON).body("{\"citations\": [], \"citations\": []}").post("/api/verify")
                .then().statusCode(400).body("detail", containsString("Duplicate field 'citations'"));
        given().contentType(ContentType.JSON).body("{\"citations\": []} []").post("/api/verify")
                .then().statusCode(400).body("detail", containsString("more after the first JSON value"))
                .body("detail", not(containsString("jackson"))).body("detail", not(containsString("Feature")));
        given().contentType(ContentType.JSON).body("[{\"quote\": \"x\", \"source\": \"a.txt\", \"start\": 0.0, "
                + "\"end\": 1}]").post("/api/verify")
                .then().statusCode(400).body("detail", equalTo("citation 1: \"start\" must be a whole number"));
        String citation = "{\"quote\": \"x\", \"source\": \"a.txt\", \"start\": 0, \"end\": 1}";
        given().contentType(ContentType.JSON).body("[" + String.join(",", java.util.Collections.nCopies(51, citation))
                + "]").post("/api/verify").then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("at most 50 citations can be verified at once, not 51"));
        given().body("{\"citations\": []}").post("/api/verify")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }
}
