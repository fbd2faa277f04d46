package dev.footnote.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The API description shows the requests as the API reads them, limits included. */
@QuarkusTest
class OpenApiTest {

    @Test
    void should_describe_the_chat_body_and_the_passage_parameters_with_their_limits() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        for (String path : new String[] { "'/api/chat'", "'/api/chat/stream'" }) {
            assertThat(api.getString("paths." + path + ".post.requestBody.content.'application/json'.schema.'$ref'"))
                    .endsWith("/ChatRequest");
        }
        assertThat(api.getInt("components.schemas.ChatRequest.properties.question.maxLength")).isEqualTo(2000);
        assertThat(api.getList("components.schemas.ChatRequest.required", String.class)).contains("question");
        // optional: OpenAPI 3.1 spells its type ["integer", "null"]
        assertThat(api.get("components.schemas.ChatRequest.properties.k.type").toString()).contains("integer");
        assertThat(api.getInt("components.schemas.ChatRequest.properties.k.maximum")).isEqualTo(50);

        assertThat(api.getString("paths.'/api/verify'.post.requestBody.content.'application/json'.schema.'$ref'"))
                .endsWith("/VerifyRequest");
        assertThat(api.getMap("components.schemas.CitedQuote.properties")).containsKeys("quote", "source", "start",
                "end", "text", "sha256");

        JsonPath k = JsonPath.from(api.prettify()).setRootPath(
                "paths.'/api/passages'.get.parameters.find { it.name == 'k' }.schema");
        assertThat(k.getString("type")).isEqualTo("integer");
        assertThat(k.getInt("minimum")).isEqualTo(1);
        assertThat(k.getInt("maximum")).isEqualTo(50);
    }
}
