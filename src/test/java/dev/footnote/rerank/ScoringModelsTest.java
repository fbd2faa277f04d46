package dev.footnote.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.config.RerankProvider;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.scoring.ScoringModel;

/** The re-ranking models that configuration can name: the HTTP one against a fake scoring server, and the settings. */
class ScoringModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "Why does the sourdough starter need feeding every day?";
    private static final List<TextSegment> PASSAGES = List.of(
            TextSegment.from("The museum opens at nine and closes at five."),
            TextSegment.from("Feeding the sourdough starter every day keeps the yeast active."),
            TextSegment.from("A starter is flour and water."));

    @Test
    void should_have_no_model_by_default() {
        assertThat(create(RerankSettings.provider(RerankProvider.NONE))).isEmpty();
    }

    @Test
    void should_load_footnotes_reader_only_for_the_reader_provider() {
        AtomicInteger loads = new AtomicInteger();

        assertThat(ScoringModels.create(RerankSettings.provider(RerankProvider.READER), JSON, () -> {
            loads.incrementAndGet();
            return null;
        })).containsInstanceOf(SentenceScoringModel.class);
        assertThat(loads).hasValue(1);
    }

    @Test
    void should_send_query_documents_model_and_key_to_a_rerank_server_and_map_results_back_by_index()
            throws Exception {
        try (FakeRerankServer server = new FakeRerankServer(FakeRerankServer::sharedWords)) {
            ScoringModel model = create(RerankSettings.http(server.baseUrl(), Duration.ofSeconds(5))).orElseThrow();

            List<Double> scores = model.scoreAll(PASSAGES, QUESTION).content();

            FakeRerankServer.Request request = server.requests().get(0);
            assertThat(request.authorization()).isEqualTo("Bearer secret-key");
            assertThat(request.body().path("model").asText()).isEqualTo("rerank-test");
            assertThat(request.body().path("query").asText()).isEqualTo(QUESTION);
            assertThat(request.body().path("documents")).hasSize(3);
            assertThat(request.body().path("documents").get(1).asText()).isEqualTo(PASSAGES.get(1).text());
            // the server lists results best first; the scores come back in the order of the passages
            assertThat(scores.get(1)).isGreaterThan(scores.get(2)).isGreaterThan(scores.get(0));
        }
    }

    @Test
    void should_fail_in_the_users_words_when_the_rerank_server_fails_or_answers_badly() throws Exception {
        try (FakeRerankServer server = new FakeRerankServer(request -> new FakeRerankServer.Reply(500, "{}"))) {
            ScoringModel model = new HttpScoringModel(server.baseUrl(), Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(5), JSON);
            assertThatThrownBy(() -> model.scoreAll(PASSAGES, QUESTION)).isInstanceOf(RerankException.class)
                    .hasMessage("the re-ranking server failed with status 500");

            server.replyWith(request -> new FakeRerankServer.Reply(200,
                    "{\"results\":[{\"index\":0,\"relevance_score\":0.5}]}"));
            assertThatThrownBy(() -> model.scoreAll(PASSAGES, QUESTION)).isInstanceOf(RerankException.class)
                    .hasMessage("the re-ranking server did not score every passage");

            server.replyWith(request -> new FakeRerankServer.Reply(200, "<html>busy</html>"));
            assertThatThrownBy(() -> model.scoreAll(PASSAGES, QUESTION)).isInstanceOf(RerankException.class)
                    .hasMessage("the re-ranking server answered with something other than JSON");
        }
    }

    @Test
    void should_give_up_after_the_timeout() throws Exception {
        try (FakeRerankServer server = new FakeRerankServer(FakeRerankServer::sharedWords)) {
            server.hang();
            ScoringModel model = new HttpScoringModel(server.baseUrl(), Optional.empty(), Optional.empty(),
                    Duration.ofMillis(300), JSON);
            assertThatThrownBy(() -> model.scoreAll(PASSAGES, QUESTION)).isInstanceOfSatisfying(RerankException.class,
                    e -> assertThat(e.timedOut()).isTrue());
        }
    }

    @Test
    void should_give_up_on_a_body_trickled_past_the_timeout() throws Exception {
        try (FakeRerankServer server = new FakeRerankServer(FakeRerankServer::sharedWords)) {
            server.trickle();
            ScoringModel model = new HttpScoringModel(server.baseUrl(), Optional.empty(), Optional.empty(),
                    Duration.ofMillis(500), JSON);
            long started = System.nanoTime();
            assertThatThrownBy(() -> model.scoreAll(PASSAGES, QUESTION)).isInstanceOfSatisfying(RerankException.class,
                    e -> assertThat(e.timedOut()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void should_say_in_one_line_what_is_wrong_with_the_settings(@TempDir Path folder) {
        assertThatThrownBy(() -> create(RerankSettings.provider(RerankProvider.ONNX)))
                .hasMessage("footnote.rerank.model-path must name the cross-encoder's ONNX file when "
                        + "footnote.rerank.provider is onnx");
        assertThatThrownBy(() -> create(
                RerankSettings.onnx(folder.resolve("missing.onnx"), folder.resolve("tokenizer.json"))))
                .hasMessageStartingWith("footnote.rerank.model-path names a file that cannot be read");
        assertThatThrownBy(() -> create(RerankSettings.provider(RerankProvider.HTTP)))
                .hasMessage("footnote.rerank.base-url must name the scoring server when footnote.rerank.provider "
                        + "is http");
    }

    private static Optional<ScoringModel> create(RerankSettings settings) {
        return ScoringModels.create(settings, JSON, RerankSettings::noReader);
    }
}
