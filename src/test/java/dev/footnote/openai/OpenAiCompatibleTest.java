package dev.footnote.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.TestCorpus;
import dev.footnote.chat.ChatService;
import dev.footnote.config.FootnoteConfig;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code /v1}, asked by LangChain4j's own OpenAI client, and read raw for what that client does not show. */
@QuarkusTest
class OpenAiCompatibleTest {

    static final String QUESTION = "What does Goedecke say centaur chess describes?";
    private static final String WIKI = "How does the AI-generated wiki stop visitors from typing in the address of "
            + "any article?";
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    @TestHTTPResource("/v1")
    URL v1;

    @Inject
    ChatService chat;

    @Inject
    ObjectMapper json;

    @Inject
    TokenCountEstimator tokens;

    @Inject
    FootnoteConfig config;

    @Inject
    Validator validator;

    @Test
    void should_answer_an_openai_client_with_markers_that_agree_with_the_citations() {
        ChatResponse response = chatModel("footnote").chat(UserMessage.from(QUESTION));

        String text = response.aiMessage().text();
        assertThat(text).startsWith("Quoted from the essays:").contains("centaur chess").contains("\n\nSources:\n[1] ");
        assertThat(response.metadata().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();

        // the same request read raw: what the client does not expose
        JsonPath raw = completion(request(List.of(message("user", QUESTION))));
        assertThat(raw.getString("id")).startsWith("chatcmpl-");
        assertThat(raw.getString("object")).isEqualTo("chat.completion");
        assertThat(raw.getString("model")).isEqualTo("footnote");
        assertThat(raw.getLong("created")).isPositive();
        assertThat(raw.getString("choices[0].message.role")).isEqualTo("assistant");
        assertThat(raw.getString("choices[0].finish_reason")).isEqualTo("stop");
        assertThat(raw.getInt("usage.total_tokens"))
                .isEqualTo(raw.getInt("usage.prompt_tokens") + raw.getInt("usage.completion_tokens"));
        assertThat(raw.getBoolean("grounded")).isTrue();
        String content = raw.getString("choices[0].message.content");
        assertThat(content).isEqualTo(text);
        List<Map<String, Object>> citations = raw.getList("citations");
        assertThat(raw.getList("citations.essay.title", String.class))
                .contains("AI is good news for Australian and European software engineers");
        assertCitationsAgree(content, citations);
        assertFooterLists(content, citations);
    }

    @Test
    void should_stream_the_same_text_through_an_openai_streaming_client() throws Exception {
        String plain = chatModel("footnote").chat(QUESTION);
        List<String> pieces = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        OpenAiStreamingChatModel.builder().baseUrl(v1.toString()).apiKey("any key").modelName("footnote").build()
                .chat(QUESTION, new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String piece) {
                        pieces.add(piece);
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });

        ChatResponse response = done.get(5, TimeUnit.MINUTES);
        assertThat(pieces).hasSizeGreaterThan(2);
        assertThat(String.join("", pieces)).isEqualTo(response.aiMessage().text()).isEqualTo(plain);
        assertThat(response.metadata().finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void should_stream_openai_chunks_ending_with_the_citations_the_usage_and_done() {
        Map<String, Object> request = request(List.of(message("user", QUESTION)));
        request.put("stream", true);
        request.put("stream_options", Map.of("include_usage", true));
        String body = given().contentType(ContentType.JSON).body(request)
                .when().post("/v1/chat/completions")
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString();

        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            assertThat(event).startsWith("data: ").doesNotContain("\n");
            data.add(event.substring("data: ".length()));
        }
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        List<JsonPath> chunks = data.subList(0, data.size() - 1).stream().map(JsonPath::from).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.getString("object")).isEqualTo("chat.completion.chunk");
            assertThat(chunk.getString("model")).isEqualTo("footnote");
            assertThat(chunk.getString("id")).isEqualTo(chunks.get(0).getString("id")).startsWith("chatcmpl-");
        });
        assertThat(chunks.get(0).getString("choices[0].delta.role")).isEqualTo("assistant");
        JsonPath usage = chunks.get(chunks.size() - 1);
        assertThat(usage.getList("choices")).isEmpty();
        assertThat(usage.getInt("usage.completion_tokens")).isPositive();
        JsonPath finish = chunks.get(chunks.size() - 2);
        assertThat(finish.getString("choices[0].finish_reason")).isEqualTo("stop");
        assertThat(finish.getBoolean("grounded")).isTrue();
        StringBuilder content = new StringBuilder();
        for (JsonPath chunk : chunks.subList(0, chunks.size() - 2)) {
            assertThat(chunk.getString("choices[0].finish_reason")).isNull();
            content.append(chunk.getString("choices[0].delta.content"));
        }
        assertThat(content.toString()).isEqualTo(completion(request(List.of(message("user", QUESTION))))
                .getString("choices[0].message.content"));
        assertCitationsAgree(content.toString(), finish.getList("citations"));
    }

    @Test
    void should_list_the_model_footnote() {
        List<ModelDescription> models = OpenAiModelCatalog.builder().baseUrl(v1.toString()).apiKey("any key").build()
                .listModels();
        assertThat(models).extracting(ModelDescription::name).containsExactly("footnote");

        given().when().get("/v1/models").then().statusCode(200).contentType(ContentType.JSON)
                .body("object", equalTo("list")).body("data[0].id", equalTo("footnote"))
                .body("data[0].object", equalTo("model")).body("data[0].owned_by", equalTo("footnote"));
        given().when().get("/v1/models/footnote").then().statusCode(200).body("id", equalTo("footnote"));
    }

    @Test
    void should_resolve_a_follow_up_from_the_earlier_messages_with_or_without_the_footer() {
        for (boolean footer : List.of(true, false)) {
            Map<String, Object> first = request(List.of(message("user", WIKI)));
            first.put("sources_footer", footer);
            JsonPath answer = completion(first);
            assertThat(answer.getList("citations.essay.author", String.class)).first().isEqualTo("Sean Goedecke");
            String shown = answer.getString("choices[0].message.content");
            assertThat(shown.contains("Sources:")).isEqualTo(footer);

            // the follow-up as a client sends it: the whole conversation, a system prompt, content parts
            JsonPath followUp = completion(request(List.of(message("system", "You are a helpful assistant."),
                    message("user", WIKI), message("assistant", shown),
                    message("user", List.of(Map.of("type", "text", "text", "What did he say about code review?"),
                            Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/a.png")))))));

            assertThat(followUp.getBoolean("grounded")).isTrue();
            assertThat(followUp.getList("citations.essay.author", String.class)).isNotEmpty()
                    .containsOnly("Sean Goedecke");
            assertThat(followUp.getList("citations.essay.title", String.class))
                    .anyMatch(t -> t.contains("code review"));
        }
        // through the client, as a list of messages
        String shown = completion(request(List.of(message("user", WIKI)))).getString("choices[0].message.content");
        ChatResponse followUp = chatModel("footnote").chat(SystemMessage.from("Answer briefly."),
                UserMessage.from(WIKI), AiMessage.from(shown), UserMessage.from("What did he say about code review?"));
        assertThat(followUp.aiMessage().text()).contains("Sean Goedecke").contains("code review");
    }

    @Test
    void should_leave_the_sources_footer_out_when_the_request_says_so() {
        Map<String, Object> request = request(List.of(message("user", QUESTION)));
        request.put("sources_footer", false);
        JsonPath answer = completion(request);

        String content = answer.getString("choices[0].message.content");
        assertThat(content).startsWith("Quoted from the essays:").doesNotContain("Sources:");
        assertCitationsAgree(content, answer.getList("citations"));
    }

    @Test
    void should_leave_the_sources_footer_out_when_the_deployment_says_so_unless_the_request_asks() {
        assertThat(config.openai().sourcesFooter()).isTrue();
        assertThat(ConfigProvider.getConfig().getValue("footnote.openai.sources-footer", Boolean.class)).isTrue();
        // the settings of a deployment with footnote.openai.sources-footer=false, as the resource reads them
        FootnoteConfig footerOff = (FootnoteConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { FootnoteConfig.class }, (proxy, method, args) -> method.getName().equals("openai")
                        ? (FootnoteConfig.OpenAi) () -> false : method.invoke(config, args));
        OpenAiResource resource = new OpenAiResource(chat, json, tokens, footerOff, validator);
        String request = "{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION
                + "\"}]";

        ChatCompletion plain = (ChatCompletion) resource.completions("application/json", request + "}", null)
                .getEntity();
        String content = plain.choices().get(0).message().content();
        assertThat(content).startsWith("Quoted from the essays:").doesNotContain("Sources:");
        assertThat(plain.citations()).isNotEmpty();
        ChatCompletion asked = (ChatCompletion) resource.completions("application/json",
                request + ", \"sources_footer\": true}", null).getEntity();
        assertThat(asked.choices().get(0).message().content()).startsWith(content + "\n\nSources:\n[1] ");
    }

    @Test
    void should_say_plainly_when_the_essays_do_not_cover_the_question() {
        JsonPath answer = completion(request(List.of(message("user",
                "What is the best time of year to plant tulip bulbs?"))));
        assertThat(answer.getBoolean("grounded")).isFalse();
        assertThat(answer.getList("citations")).isEmpty();
        assertThat(answer.getString("choices[0].message.content")).contains("don't cover").doesNotContain("Sources:");
    }

    @Test
    void should_reject_bad_requests_with_a_problem_that_openai_clients_show() {
        String question = "{\"role\": \"user\", \"content\": \"What is centaur chess?\"}";
        error(ContentType.JSON, "{\"model\": \"gpt-4o\", \"messages\": [" + question + "]}", 404, "model_not_found",
                "the model \"gpt-4o\" does not exist");
        error(ContentType.JSON, "{\"messages\": [" + question + "]}", 400, "bad_request", "\"model\" is required");
        error(ContentType.JSON, "{\"model\": \"footnote\"}", 400, "bad_request", "\"messages\" is required");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"messages\": []}", 400, "bad_request",
                "\"messages\" is required");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"messages\": [" + question
                + ", {\"role\": \"assistant\", \"content\": \"It is…\"}]}", 400, "bad_request",
                "the last message must be the user's question");
        error(ContentType.JSON,
                "{\"model\": \"footnote\", \"messages\": [{\"role\": \"system\", \"content\": \"Hi\"}]}", 400,
                "bad_request", "the last message must be the user's question");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": \" \"}]}",
                400, "bad_request", "the last user message is required and must not be blank");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": \""
                + "x".repeat(2001) + "\"}]}", 400, "bad_request", "at most 2000");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"messages\": [{\"role\": \"user\", \"content\": 42}]}",
                400, "bad_request", "messages[0].content must be a string or an array of content parts");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"messages\": [{\"role\": \"robot\", \"content\": \"Hi\"}]}",
                400, "bad_request", "messages[0].role must be one of");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"stream\": \"yes\", \"messages\": [" + question + "]}",
                400, "bad_request", "\"stream\" must be true or false");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"messages\": [" + question, 400, "bad_request",
                "not valid JSON");
        error(ContentType.JSON, "{\"model\": \"footnote\", \"model\": \"footnote\", \"messages\": [" + question + "]}",
                400, "bad_request", "not valid JSON");
        error(ContentType.TEXT, "What is centaur chess?", 415, "unsupported_media_type", "application/json");

        given().when().get("/v1/models/gpt-4o").then().statusCode(404).contentType("application/problem+json")
                .body("error.code", equalTo("model_not_found")).body("detail", containsString("does not exist"));
        // what an OpenAI client shows
        assertThatThrownBy(() -> chatModel("gpt-4o").chat("What is centaur chess?"))
                .hasMessageContaining("does not exist; the model here is");
    }

    /** The problem for {@code body}, asked plainly and, when the body can say so, as a stream. */
    @Test
    void should_describe_the_request_in_the_api_description() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        assertThat(api.getString("paths.'/v1/chat/completions'.post.requestBody.content.'application/json'.schema"
                + ".'$ref'")).endsWith("/ChatCompletionRequest");
        assertThat(api.getList("components.schemas.ChatCompletionRequest.required", String.class))
                .contains("model", "messages");
        assertThat(api.getList("components.schemas.ChatCompletionRequest.properties.model.enum", String.class))
                .containsExactly("footnote");
        assertThat(api.getList("components.schemas.ChatCompletionMessage.properties.content.oneOf")).hasSize(2);
        assertThat(api.getMap("components.schemas.ChatCompletion.properties")).containsKeys("choices", "citations");
    }

    private static void error(ContentType type, String body, int status, String code, String message) {
        List<String> bodies = body.startsWith("{") && !body.contains("\"stream\"")
                ? List.of(body, "{\"stream\": true, " + body.substring(1)) : List.of(body);
        for (String sent : bodies) {
            JsonPath problem = given().contentType(type).body(sent)
                    .when().post("/v1/chat/completions")
                    .then().statusCode(status).contentType("application/problem+json")
                    .body("status", equalTo(status))
                    .body("detail", containsString(message))
                    .extract().jsonPath();
            assertThat(problem.getString("error.message")).isEqualTo(problem.getString("detail"));
            assertThat(problem.getString("error.type")).isEqualTo("invalid_request_error");
            assertThat(problem.getString("error.code")).isEqualTo(code);
        }
    }

    private OpenAiChatModel chatModel(String name) {
        return OpenAiChatModel.builder().baseUrl(v1.toString()).apiKey("any key").modelName(name).maxRetries(0)
                .build();
    }

    static Map<String, Object> request(List<Map<String, Object>> messages) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", "footnote");
        request.put("messages", messages);
        return request;
    }

    static Map<String, Object> message(String role, Object content) {
        return Map.of("role", role, "content", content);
    }

    static JsonPath completion(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request)
                .when().post("/v1/chat/completions")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** Every [n] of the text has exactly one citation, every citation is used, and quotes and spans are exact. */
    static void assertCitationsAgree(String content, List<Map<String, Object>> citations) {
        List<Integer> referenced = new ArrayList<>();
        Matcher m = MARKER.matcher(content);
        while (m.find()) {
            referenced.add(Integer.parseInt(m.group(1)));
        }
        assertThat(citations).isNotEmpty();
        assertThat(citations).extracting(c -> (Integer) c.get("n")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(referenced.stream().distinct().toList());
        for (Map<String, Object> c : citations) {
            String text = (String) c.get("text");
            assertThat(text).contains((String) c.get("quote"));
            String file = TestCorpus.read((String) c.get("source"));
            assertThat(file.substring((Integer) c.get("start"), (Integer) c.get("end"))).isEqualTo(text);
        }
    }

    /** The footer lists each citation once, in order, as title, author, file, the quote's characters and quote. */
    @SuppressWarnings("unchecked")
    static void assertFooterLists(String content, List<Map<String, Object>> citations) {
        String footer = content.substring(content.indexOf("\n\nSources:\n") + "\n\nSources:\n".length());
        List<String> lines = footer.lines().toList();
        assertThat(lines).hasSameSizeAs(citations);
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> c = citations.get(i);
            Map<String, Object> essay = (Map<String, Object>) c.get("essay");
            String quote = (String) c.get("quote");
            int quoteStart = (Integer) c.get("start") + ((String) c.get("text")).indexOf(quote);
            assertThat(lines.get(i)).isEqualTo("[" + c.get("n") + "] " + essay.get("title") + " — "
                    + essay.get("author") + ", " + c.get("source") + ", characters " + quoteStart + "–"
                    + (quoteStart + quote.length()) + ": “" + quote.strip().replaceAll("\\s+", " ") + "”");
        }
    }
}
