package dev.footnote.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.TestCorpus;
import dev.footnote.index.EssayRecord;
import dev.footnote.index.Index;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpResource;
import dev.langchain4j.mcp.client.McpResourceTemplate;
import dev.langchain4j.mcp.client.McpTextResourceContents;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The MCP server as an agent reaches it: LangChain4j's MCP client over Streamable HTTP at {@code /mcp}, against
 * the index the suite shares. Spans are checked against the files of the test corpus.
 */
@QuarkusTest
class McpServerTest {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    private static final String TOMATO = "Tomato plants need at least six hours of direct sun every day to fruit well.";

    private final ObjectMapper json = new ObjectMapper();

    @TestHTTPResource("/mcp")
    URL mcp;

    @Inject
    Index index;

    private McpClient client;

    @BeforeEach
    void connect() {
        // generous bounds: they only keep a broken server from hanging the suite
        client = new DefaultMcpClient.Builder()
                .transport(new StreamableHttpMcpTransport.Builder().url(mcp.toString())
                        .timeout(Duration.ofMinutes(2)).build())
                .clientName("footnote-test").initializationTimeout(Duration.ofMinutes(1))
                .toolExecutionTimeout(Duration.ofMinutes(2)).resourcesTimeout(Duration.ofMinutes(1))
                .build();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    @Test
    void should_initialize_and_list_the_four_tools_with_what_an_agent_needs_to_know() {
        assertThat(client.instructions()).contains("verify_quote", "UTF-16");

        Map<String, ToolSpecification> tools = new LinkedHashMap<>();
        client.listTools().forEach(tool -> tools.put(tool.name(), tool));

        assertThat(tools).containsOnlyKeys("search_passages", "ask", "get_passage", "verify_quote");
        assertThat(tools.values()).allSatisfy(tool -> assertThat(tool.description())
                .contains("UTF-16", "fileText.substring(start, end)"));
        assertThat(tools.get("ask").description()).contains("grounded=false", "verify_quote", "conversationId");
        assertThat(tools.get("verify_quote").description()).contains("verbatim", "one character changed");
        assertThat(tools.get("search_passages").description()).contains("relevant", "verify_quote");

        assertThat(tools.get("search_passages").parameters().properties())
                .containsOnlyKeys("query", "k", "author", "essay");
        assertThat(tools.get("search_passages").parameters().required()).containsExactly("query");
        assertThat(tools.get("ask").parameters().properties()).containsOnlyKeys("question", "conversationId");
        assertThat(tools.get("ask").parameters().required()).containsExactly("question");
        assertThat(tools.get("get_passage").parameters().required())
                .containsExactlyInAnyOrder("source", "start", "end");
        assertThat(tools.get("verify_quote").parameters().properties()).containsOnlyKeys("quote", "source");
        assertThat(tools.get("verify_quote").parameters().required()).containsExactly("quote");
    }

    @Test
    void should_search_passages_whose_spans_slice_their_text_out_of_the_source_file() {
        JsonNode result = call("search_passages", Map.of("query", "centaur chess", "k", 10));

        assertThat(result.get("query").asText()).isEqualTo("centaur chess");
        JsonNode passages = result.get("passages");
        assertThat(passages).hasSize(10);
        for (int i = 0; i < passages.size(); i++) {
            JsonNode passage = passages.get(i);
            assertThat(passage.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(passage.get("score").asDouble()).isBetween(0.0, 1.0);
            String file = TestCorpus.read(passage.get("source").asText());
            assertThat(file.substring(passage.get("start").asInt(), passage.get("end").asInt()))
                    .isEqualTo(passage.get("text").asText());
            String essayId = passage.get("essay").get("id").asText();
            assertThat(passage.get("essay").get("uri").asText()).isEqualTo("footnote://essays/" + essayId);
            assertThat(passage.get("essay").get("title").asText()).isNotBlank();
        }
        assertThat(passages.get(0).get("relevant").asBoolean()).isTrue();
    }

    @Test
    void should_filter_passages_by_author_and_essay() {
        JsonNode byAuthor = call("search_passages", Map.of("query", "testing", "author", "willison", "k", 5));
        assertThat(byAuthor.get("passages").findValuesAsText("author")).hasSize(5).containsOnly("Simon Willison");

        String essayId = call("search_passages", Map.of("query", "wiki", "k", 1)).get("passages").get(0)
                .get("essay").get("id").asText();
        JsonNode inEssay = call("search_passages", Map.of("query", "language models", "essay", essayId, "k", 3));
        assertThat(inEssay.get("passages")).hasSize(3)
                .allSatisfy(p -> assertThat(p.get("essay").get("id").asText()).isEqualTo(essayId));
    }

    @Test
    void should_return_exactly_the_text_of_a_span_with_the_essay_around_it() {
        JsonNode passage = call("search_passages", Map.of("query", "centaur chess", "k", 1)).get("passages").get(0);
        String source = passage.get("source").asText();
        int start = passage.get("start").asInt() + 10;
        int end = passage.get("end").asInt() - 10;
        String file = TestCorpus.read(source);

        JsonNode span = call("get_passage", Map.of("source", source, "start", start, "end", end));

        assertThat(span.get("text").asText()).isEqualTo(file.substring(start, end));
        assertThat(span.get("source").asText()).isEqualTo(source);
        assertThat(span.get("start").asInt()).isEqualTo(start);
        assertThat(span.get("end").asInt()).isEqualTo(end);
        assertThat(span.get("essay").get("id").asText()).isEqualTo(passage.get("essay").get("id").asText());
        assertThat(span.get("essay").get("author").asText()).isEqualTo(passage.get("essay").get("author").asText());
        String before = span.get("before").asText();
        String after = span.get("after").asText();
        int essayStart = span.get("essayStart").asInt();
        int essayEnd = span.get("essayEnd").asInt();
        assertThat(essayStart).isLessThanOrEqualTo(start);
        assertThat(essayEnd).isGreaterThanOrEqualTo(end);
        // as much of the essay as there is on either side, up to CONTEXT characters
        assertThat(before).hasSize(Math.min(SpanReader.CONTEXT, start - essayStart));
        assertThat(after).hasSize(Math.min(SpanReader.CONTEXT, essayEnd - end));
        assertThat(file.substring(span.get("contextStart").asInt(), span.get("contextEnd").asInt()))
                .isEqualTo(before + span.get("text").asText() + after);
    }

    @Test
    void should_find_a_sentence_copied_from_an_essay_file_at_its_exact_offsets() {
        String file = TestCorpus.read(TestCorpus.MARKUP);
        int at = file.indexOf(TOMATO);

        JsonNode check = call("verify_quote", Map.of("quote", TOMATO));

        assertThat(check.get("found").asBoolean()).isTrue();
        assertThat(check.get("occurrences").asInt()).isEqualTo(1);
        JsonNode match = check.get("matches").get(0);
        assertThat(match.get("source").asText()).isEqualTo(TestCorpus.MARKUP);
        assertThat(match.get("start").asInt()).isEqualTo(at);
        assertThat(match.get("end").asInt()).isEqualTo(at + TOMATO.length());
        assertThat(match.get("essay").get("title").asText()).isEqualTo(TestCorpus.MARKUP_TITLE);

        // a sentence of a shipped essay, taken from the file at a passage's offsets, restricted to its file
        JsonNode passage = call("search_passages", Map.of("query", "centaur chess", "k", 1)).get("passages").get(0);
        String source = passage.get("source").asText();
        int start = passage.get("start").asInt();
        String quote = TestCorpus.read(source).substring(start, start + 60);
        JsonNode shipped = call("verify_quote", Map.of("quote", quote, "source", source));
        assertThat(shipped.get("found").asBoolean()).isTrue();
        assertThat(shipped.get("matches")).anySatisfy(m -> {
            assertThat(m.get("source").asText()).isEqualTo(source);
            assertThat(m.get("start").asInt()).isEqualTo(start);
            assertThat(m.get("end").asInt()).isEqualTo(start + 60);
        });
    }

    @Test
    void should_not_find_a_quote_with_one_character_changed() {
        for (String altered : List.of(TOMATO.replace("six", "siX"), TOMATO.replace("well.", "well!"),
                TOMATO.replace("direct sun", "direct  sun"))) {
            JsonNode check = call("verify_quote", Map.of("quote", altered));
            assertThat(check.get("found").asBoolean()).as(altered).isFalse();
            assertThat(check.get("occurrences").asInt()).isZero();
            assertThat(check.get("matches")).isEmpty();
        }
    }

    @Test
    void should_answer_with_citations_that_match_the_markers_and_point_exactly_into_the_files() {
        JsonNode answer = call("ask", Map.of("question", "What does Goedecke say centaur chess describes?"));

        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(answer.get("conversationId").asText()).matches("[0-9a-f-]{36}");
        List<Integer> markers = new ArrayList<>();
        Matcher m = MARKER.matcher(answer.get("answer").asText());
        while (m.find()) {
            markers.add(Integer.parseInt(m.group(1)));
        }
        JsonNode citations = answer.get("citations");
        assertThat(citations).isNotEmpty();
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode citation : citations) {
            numbers.add(citation.get("n").asInt());
            String text = citation.get("text").asText();
            assertThat(text).contains(citation.get("quote").asText());
            assertThat(TestCorpus.read(citation.get("source").asText())
                    .substring(citation.get("start").asInt(), citation.get("end").asInt())).isEqualTo(text);
            assertThat(citation.get("essay").get("uri").asText())
                    .isEqualTo("footnote://essays/" + citation.get("essay").get("id").asText());
        }
        assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(markers.stream().distinct()
                .toList());
    }

    @Test
    void should_decline_without_citations_when_the_essays_do_not_cover_the_question() {
        JsonNode answer = call("ask", Map.of("question", "What is the best time of year to plant tulip bulbs?"));

        assertThat(answer.get("grounded").asBoolean()).isFalse();
        assertThat(answer.get("citations")).isEmpty();
        assertThat(answer.get("answer").asText()).contains("don't cover");
    }

    @Test
    void should_list_every_served_essay_as_a_resource_and_read_its_text() {
        List<EssayRecord> essays = index.essays();
        List<McpResource> resources = client.listResources();

        assertThat(resources).extracting(McpResource::uri).containsExactlyInAnyOrderElementsOf(
                essays.stream().map(e -> "footnote://essays/" + e.id()).toList());
        assertThat(resources).allSatisfy(r -> {
            assertThat(r.mimeType()).isEqualTo("text/plain");
            assertThat(r.name()).isEqualTo(r.uri().substring("footnote://essays/".length()));
            assertThat(r.description()).contains("from offset");
        });
        assertThat(client.listResourceTemplates()).extracting(McpResourceTemplate::uriTemplate)
                .contains("footnote://essays/{id}");

        EssayRecord markup = essays.stream().filter(e -> e.source().equals(TestCorpus.MARKUP)).findFirst()
                .orElseThrow();
        McpResource resource = resources.stream().filter(r -> r.name().equals(markup.id())).findFirst()
                .orElseThrow();
        assertThat(resource.description()).contains(TestCorpus.MARKUP, "Test Gardener");
        McpTextResourceContents contents = (McpTextResourceContents) client.readResource(resource.uri()).contents()
                .get(0);
        String file = TestCorpus.read(TestCorpus.MARKUP);
        assertThat(contents.uri()).isEqualTo(resource.uri());
        assertThat(contents.text()).contains(TOMATO)
                .isEqualTo(file.substring(markup.bodyStart(), markup.bodyStart() + contents.text().length()));
    }

    @Test
    void should_refuse_to_read_an_essay_that_is_not_served() {
        assertThatThrownBy(() -> client.readResource("footnote://essays/no-such-essay"))
                .hasMessageContaining("no essay with id \"no-such-essay\"");
        assertThat(client.listResources()).isNotEmpty(); // the session goes on
    }

    @Test
    void should_refuse_an_essay_id_that_no_essay_can_have() {
        assertThatThrownBy(() -> client.readResource("footnote://essays/a\u0000"))
                .hasMessageContaining("the essay id must be plain text");
        assertThat(client.listResources()).isNotEmpty();
    }

    @Test
    void should_answer_bad_arguments_with_a_tool_error_that_says_what_to_fix() {
        toolError("search_passages", Map.of("query", "   "), "\"query\" is required and must not be blank");
        toolError("search_passages", Map.of("query", "wiki", "k", 0), "\"k\" must be from 1 to 50, not 0");
        toolError("search_passages", Map.of("query", "wiki", "k", 51), "\"k\" must be from 1 to 50, not 51");
        toolError("search_passages", Map.of("query", "wiki\u0000"), "\"query\" must be plain text");
        toolError("search_passages", Map.of("query", "wiki", "essay", "no-such-essay"),
                "no essay with id \"no-such-essay\"");
        toolError("search_passages", Map.of("query", "testing", "author", "Nobody At All"),
                "no essay author matches \"Nobody At All\"");
        toolError("search_passages", Map.of(), "query");
        toolError("ask", Map.of("question", "x".repeat(2001)), "at most 2000");
        toolError("ask", Map.of("question", "wiki", "conversationId", "a\u0001b"), "\"conversationId\" must be plain");
        toolError("verify_quote", Map.of("quote", "y".repeat(2001)), "at most 2000");
        toolError("verify_quote", Map.of("quote", TOMATO, "source", "no-such-file.txt"),
                "no indexed essay comes from a file named \"no-such-file.txt\"");

        int header = TestCorpus.read(TestCorpus.MARKUP).indexOf("Latest Posts");
        toolError("get_passage", Map.of("source", TestCorpus.MARKUP, "start", header, "end", header + 12),
                "not within the text of one essay");
        int length = TestCorpus.read(TestCorpus.MARKUP).length();
        toolError("get_passage", Map.of("source", TestCorpus.MARKUP, "start", length - 5, "end", length + 100),
                "not within the text of one essay");
        toolError("get_passage", Map.of("source", TestCorpus.MARKUP, "start", 40, "end", 40), "is empty");
        toolError("get_passage", Map.of("source", TestCorpus.MARKUP, "start", -1, "end", 40),
                "\"start\" must be 0 or more");
        toolError("get_passage", Map.of("source", TestCorpus.MARKUP, "start", 0, "end", 20_000),
                "at most " + SpanReader.MAX_SPAN);
        toolError("get_passage", Map.of("source", "no-such-file.txt", "start", 0, "end", 10),
                "no indexed essay comes from a file named");

        // the session is still usable
        assertThat(call("verify_quote", Map.of("quote", TOMATO)).get("found").asBoolean()).isTrue();
    }

    private JsonNode call(String tool, Map<String, Object> arguments) {
        ToolExecutionResult result = execute(tool, arguments);
        assertThat(result.isError()).as(tool + " " + arguments + ": " + result.resultText()).isFalse();
        try {
            return json.readTree(result.resultText());
        } catch (JsonProcessingException e) {
            throw new AssertionError(tool + " did not return JSON: " + result.resultText(), e);
        }
    }

    /**
     * A tool error: the client raises a result marked {@code isError} as a ToolExecutionException without an
     * error code, and a JSON-RPC error (a protocol failure) as one with its code, or a ToolArgumentsException.
     */
    private void toolError(String tool, Map<String, Object> arguments, String message) {
        assertThatThrownBy(() -> execute(tool, arguments)).as(tool + " " + arguments)
                .isExactlyInstanceOf(ToolExecutionException.class)
                .satisfies(e -> assertThat(((ToolExecutionException) e).errorCode()).as("JSON-RPC error code").isNull())
                .hasMessageContaining(message)
                .message().doesNotContain("Exception", "java.", "SQL", "\tat ");
    }

    private ToolExecutionResult execute(String tool, Map<String, Object> arguments) {
        try {
            return client.executeTool(ToolExecutionRequest.builder().name(tool)
                    .arguments(json.writeValueAsString(arguments)).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
