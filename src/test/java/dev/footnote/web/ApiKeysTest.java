package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * With {@code footnote.api.keys} set: the API asks for a key, and everything else stays as it was. A second
 * configuration means a second start of the application, in a JVM of its own (the {@code api-keys-tests}
 * execution), as the tokenizer's native library loads once per JVM.
 */
@Tag("api-keys")
@QuarkusTest
@TestProfile(ApiKeysTest.WithKeys.class)
class ApiKeysTest {

    @TestHTTPResource("/")
    URL page;

    /** Two keys, so that the second one is checked too. */
    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footnote.api.keys", "first-key, second-key");
        }
    }

    /** Each protected path, as a request that succeeds with a key. */
    private record Call(String method, String path, String body, int expectedStatus) {

        Response send(RequestSpecification request) {
            if (body != null) {
                // MCP's Streamable HTTP asks clients to accept both JSON and an event stream
                request = request.contentType(ContentType.JSON).accept("application/json, text/event-stream")
                        .body(body);
            }
            return request.request(method, path);
        }
    }

    private static final List<Call> PROTECTED = List.of(
            new Call("GET", "/api/passages?q=dogfooding&k=2", null, 200),
            new Call("POST", "/api/chat", "{\"question\": \"What is dogfooding?\"}", 200),
            new Call("GET", "/api/essays", null, 200),
            new Call("GET", "/api/overview", null, 200),
            new Call("POST", "/api/verify", "[{\"quote\": \"x\", \"source\": \"no-such.txt\", \"start\": 0, "
                    + "\"end\": 1}]", 409),
            new Call("GET", "/v1/models", null, 200),
            new Call("POST", "/v1/chat/completions", "{\"model\": \"footnote\", \"messages\": [{\"role\": "
                    + "\"user\", \"content\": \"What is dogfooding?\"}]}", 200),
            new Call("POST", "/mcp", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
                    + "{\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, \"clientInfo\": {\"name\": "
                    + "\"test\", \"version\": \"1\"}}}", 200));

    @Test
    void should_refuse_the_api_without_a_key() {
        for (Call call : PROTECTED) {
            call.send(given()).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"footnote\"")
                    .body("detail", containsString("Authorization: Bearer"));
        }
    }

    /** A caller without a key learns nothing of how its message would have been read. */
    @Test
    void should_ask_for_a_key_before_reading_an_mcp_message() {
        given().contentType(ContentType.JSON).body("not json").post("/mcp").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("Authorization: Bearer"));
        given().header("Authorization", "Bearer first-key").contentType(ContentType.JSON).body("not json")
                .post("/mcp").then().statusCode(400).body("error.code", equalTo(-32700));
    }

    /**
     * Spellings of a path that a router or a resource might read as the protected one: none may answer without
     * a key. Path parameters and encoded slashes are refused outright (400); the rest ask for a key (401) or
     * match nothing (404).
     */
    @Test
    void should_refuse_every_spelling_of_a_protected_path_without_a_key() {
        for (Call call : PROTECTED) {
            for (String path : spellings(call.path())) {
                Response response = new Call(call.method(), path, call.body(), 0)
                        .send(given().urlEncodingEnabled(false));
                assertThat(response.statusCode()).as(call.method() + " " + path).isIn(400, 401, 404);
                assertThat(response.contentType()).as(path).isEqualTo("application/problem+json");
            }
        }
    }

    /** OpenAI's client libraries show the error member's message; without it they say "(no body)". */
    @Test
    void should_refuse_the_openai_api_with_an_error_openai_clients_read() {
        for (String path : List.of("/v1/models", "/v1/chat/completions")) {
            given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401)
                    .body("error.type", equalTo("authentication_error"))
                    .body("error.code", equalTo("unauthorized"))
                    .body("error.message", containsString("Authorization: Bearer"))
                    .body("detail", containsString("Authorization: Bearer"));
        }
        given().header("Authorization", "Bearer wrong").get("/v1/models").then().statusCode(401)
                .body("error.message", containsString("not one of this Footnote's keys"));
        given().get("/api/essays").then().statusCode(401).body("error", nullValue());
    }

    @Test
    void should_refuse_path_parameters_even_with_a_key() {
        given().header("Authorization", "Bearer first-key").urlEncodingEnabled(false).when().get("/api;x/essays")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("path parameter"));
    }

    private static List<String> spellings(String pathAndQuery) {
        int split = pathAndQuery.indexOf('?');
        String path = split < 0 ? pathAndQuery : pathAndQuery.substring(0, split);
        String query = split < 0 ? "" : pathAndQuery.substring(split);
        String prefix = path.substring(0, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
        String rest = path.substring(prefix.length());
        return List.of(prefix + ";" + rest, prefix + ";x" + rest, path + ";", path + ";jsessionid=1",
                prefix + "%2F" + rest.replaceFirst("^/", ""), "/" + path, prefix + "/" + rest, "/." + path,
                prefix + "/." + rest, "/x/.." + path, path + "/", path.toUpperCase(),
                prefix.toUpperCase() + rest, prefix + "/admin/.." + rest)
                .stream().map(spelling -> spelling + query).toList();
    }

    @Test
    void should_refuse_a_wrong_key() {
        for (String authorization : List.of("Bearer wrong-key", "Bearer first-ke", "Bearer first-key-and-more",
                "Basic Zmlyc3Qta2V5", "first-key")) {
            for (Call call : PROTECTED) {
                Response response = call.send(given().header("Authorization", authorization));
                assertThat(response.statusCode()).as(authorization + " on " + call.path()).isEqualTo(401);
                assertThat(response.contentType()).isEqualTo("application/problem+json");
            }
        }
    }

    @Test
    void should_answer_with_any_configured_key() {
        for (String key : List.of("first-key", "second-key")) {
            for (Call call : PROTECTED) {
                call.send(given().header("Authorization", "Bearer " + key)).then().statusCode(call.expectedStatus());
            }
        }
    }

    @Test
    void should_ask_for_a_key_on_the_page_and_keep_it() throws Exception {
        ChromeDriver browser = ChatPageBrowserTest.newBrowser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(page.toString());
            WebElement prompt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));
            assertThat(prompt.getText()).contains("This Footnote asks for an API key");
            assertThat(browser.findElement(By.id("essay-list")).getText()).contains("enter this Footnote's API key");
            ChatPageBrowserTest.screenshot(browser, "12-api-key");

            browser.findElement(By.id("api-key")).sendKeys("wrong-key", Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-message"), "not accepted"));

            browser.findElement(By.id("api-key")).sendKeys("second-key", Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#essay-list li button")));
            assertThat(browser.findElement(By.id("key-form")).isDisplayed()).isFalse();
            browser.findElement(By.id("question")).sendKeys("What is centaur chess?", Keys.ENTER);
            WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".message.done")));
            assertThat(answer.findElements(By.cssSelector("button.cite"))).isNotEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void should_leave_health_the_page_and_the_admin_token_alone() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/").then().statusCode(200);
        given().when().get("/app.js").then().statusCode(200);
        // the admin endpoint answers to its own token, not to an API key
        given().header("Authorization", "Bearer first-key").when().post("/api/admin/reindex")
                .then().statusCode(401).body("detail", containsString("footnote.admin.token"));
    }
}
