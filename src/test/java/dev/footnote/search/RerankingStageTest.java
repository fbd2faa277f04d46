package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.index.Index;
import dev.footnote.rerank.FakeRerankServer;
import dev.footnote.rerank.HttpScoringModel;
import dev.footnote.rerank.RerankException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** The re-ranking stage over the shipped corpus, with a scoring server that speaks the real protocol. */
@QuarkusTest
class RerankingStageTest {

    private static final String QUESTION = "What does Karpathy say about the jaggedness of model intelligence?";
    private static final int CANDIDATES = 12;

    @Inject
    Index index;

    @Inject
    FootnoteConfig config;

    @Inject
    Embeddings embeddings;

    @Test
    void should_reorder_the_best_fused_candidates_by_the_scoring_models_order() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<PassageHit> fused = new PassageSearch(index, embeddings, Reranker.none(), config, new SimpleMeterRegistry())
                .search(new PassageQuery(QUESTION, CANDIDATES, Optional.empty(), Optional.empty()));
        try (FakeRerankServer server = new FakeRerankServer(FakeRerankServer::sharedWords)) {
            Reranker reranker = new Reranker(Optional.of(new HttpScoringModel(server.baseUrl(), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(10), json)), CANDIDATES);

            List<PassageHit> reranked = new PassageSearch(index, embeddings, reranker, config, new SimpleMeterRegistry())
                    .search(new PassageQuery(QUESTION, 5, Optional.empty(), Optional.empty()));

            // the server read the question with the fused top candidates, each under its essay's title
            JsonNode request = server.requests().get(0).body();
            assertThat(request.path("query").asText()).isEqualTo(QUESTION);
            assertThat(request.path("documents")).hasSize(CANDIDATES);
            for (int i = 0; i < CANDIDATES; i++) {
                assertThat(request.path("documents").get(i).asText())
                        .isEqualTo(fused.get(i).essay().title() + "\n" + fused.get(i).text());
            }
            // and the result is the first five of those candidates in the server's order, scores unchanged
            List<Double> scores = sharedWordScores(request);
            List<PassageHit> expected = fused.stream()
                    .sorted(Comparator.comparingDouble((PassageHit hit) -> scores.get(fused.indexOf(hit))).reversed())
                    .limit(5).toList();
            assertThat(reranked).extracting(PassageHit::passageId)
                    .containsExactlyElementsOf(expected.stream().map(PassageHit::passageId).toList());
            assertThat(reranked).extracting(PassageHit::passageId)
                    .isNotEqualTo(fused.subList(0, 5).stream().map(PassageHit::passageId).toList());
            assertThat(reranked).allSatisfy(hit -> assertThat(fused).contains(hit));
        }
    }

    @Test
    void should_fail_the_search_when_the_scoring_server_does_not_answer_in_time() throws Exception {
        try (FakeRerankServer server = new FakeRerankServer(FakeRerankServer::sharedWords)) {
            server.hang();
            Reranker reranker = new Reranker(Optional.of(new HttpScoringModel(server.baseUrl(), Optional.empty(),
                    Optional.empty(), Duration.ofMillis(300), new ObjectMapper())), CANDIDATES);
            PassageSearch search = new PassageSearch(index, embeddings, reranker, config, new SimpleMeterRegistry());

            assertThatThrownBy(() -> search.search(new PassageQuery(QUESTION, 5, Optional.empty(), Optional.empty())))
                    .isInstanceOfSatisfying(RerankException.class, e -> assertThat(e.timedOut()).isTrue());
        }
    }

    /** The scores the fake server gave, in the order of the documents it was sent. */
    private static List<Double> sharedWordScores(JsonNode request) throws Exception {
        JsonNode results = new ObjectMapper().readTree(FakeRerankServer.sharedWords(request).body()).path("results");
        Double[] scores = new Double[request.path("documents").size()];
        results.forEach(result -> scores[result.path("index").asInt()] = result.path("relevance_score").asDouble());
        return List.of(scores);
    }
}
