package dev.footnote.mcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Malformed JSON-RPC posted to {@code /mcp}, as a careless or hostile client sends it, gets a JSON-RPC error with
 * a message, never an HTTP 500 or no answer at all; the session goes on after it.
 */
@QuarkusTest
class McpRequestCheckTest {

    private String session;

    @BeforeEach
    void initialize() {
        Response initialized = mcp().body("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
                + "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"test\", "
                + "\"version\": \"1\"}}}").post("/mcp");
        initialized.then().statusCode(200);
        session = initialized.header("Mcp-Session-Id");
        mcp().body("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}").post("/mcp")
                .then().statusCode(202);
    }

    @Test
    void should_answer_a_body_that_is_no_request_with_invalid_request() {
        for (String body : new String[] { "[1,2]", "null", "\"q\"", "[]" }) {
            Response response = mcp().body(body).post("/mcp");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.jsonPath().getInt("error.code")).as(body).isEqualTo(-32600);
            assertThat(response.jsonPath().getString("error.message")).as(body).isNotBlank();
        }
        Response broken = mcp().body("{\"jsonrpc\": \"2.0\", ").post("/mcp");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.jsonPath().getInt("error.code")).isEqualTo(-32700);
        assertThat(broken.jsonPath().getString("error.message")).doesNotContain("com.fasterxml", "Feature");
    }

    @Test
    void should_answer_wrong_parameters_with_invalid_params_and_the_request_id() {
        String[][] cases = {
                { "[\"search_passages\"]", "\"params\" must be a JSON object" },
                { "\"search_passages\"", "\"params\" must be a JSON object" },
                { "{\"name\": \"search_passages\", \"arguments\": \"query=chess\"}", "\"params.arguments\"" },
                { "{\"name\": \"search_passages\", \"arguments\": {\"query\": \"chess\", \"k\": 1e309}}", "\"k\"" },
                { "{\"name\": \"search_passages\", \"arguments\": {\"query\": \"chess\", \"k\": \"5\"}}", "\"k\"" },
                { "{\"name\": \"search_passages\", \"arguments\": {\"query\": \"chess\", \"k\": 1.5}}", "\"k\"" },
                { "{\"name\": \"get_passage\", \"arguments\": {\"source\": \"a.txt\", \"start\": \"0\", \"end\": 9}}",
                        "\"start\"" },
                { "{\"name\": \"search_passages\", \"arguments\": {\"query\": 42}}", "\"query\" must be a string" } };
        for (String[] call : cases) {
            Response response = mcp().body("{\"jsonrpc\": \"2.0\", \"id\": 42, \"method\": \"tools/call\", "
                    + "\"params\": " + call[0] + "}").post("/mcp");
            assertThat(response.statusCode()).as(call[0]).isEqualTo(200);
            assertThat(response.jsonPath().getInt("id")).as(call[0]).isEqualTo(42);
            assertThat(response.jsonPath().getInt("error.code")).as(call[0]).isEqualTo(-32602);
            assertThat(response.jsonPath().getString("error.message")).as(call[0]).contains(call[1]);
        }
        // the session goes on
        mcp().body("{\"jsonrpc\": \"2.0\", \"id\": 43, \"method\": \"tools/list\"}").post("/mcp")
                .then().statusCode(200);
    }

    private RequestSpecification mcp() {
        RequestSpecification request = given().contentType(ContentType.JSON)
                .accept("application/json, text/event-stream");
        return session == null ? request : request.header("Mcp-Session-Id", session);
    }
}
