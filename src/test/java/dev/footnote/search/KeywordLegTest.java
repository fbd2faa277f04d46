package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footnote.embedding.Embeddings;
import dev.footnote.index.Index;
import dev.footnote.index.Sql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The keyword leg alone, on the shared index: it finds candidates only through question words that few enough
 * passages hold, and still scores every candidate on all the question's words.
 */
@QuarkusTest
class KeywordLegTest {

    /** One rare word and one that many passages hold. */
    private static final String QUESTION = "Is writing code like centaur chess?";

    @Inject
    Index index;

    @Inject
    Embeddings embeddings;

    @Test
    void should_look_up_only_words_that_few_passages_hold() throws SQLException {
        int centaur = passagesHolding("centaur");
        int chess = passagesHolding("chess");
        int code = passagesHolding("code");
        assertThat(centaur).isPositive().isLessThanOrEqualTo(chess).isLessThan(code);

        List<PassageHit> unbounded = keywordLeg(Integer.MAX_VALUE);
        List<PassageHit> bounded = keywordLeg(chess);
        List<PassageHit> none = keywordLeg(centaur - 1);

        assertThat(unbounded).hasSizeGreaterThanOrEqualTo(code);
        // only the passages holding the rare words are looked up, and they still score on every word
        assertThat(bounded).hasSizeBetween(centaur, 2 * chess)
                .allSatisfy(hit -> assertThat(hit.text().toLowerCase()).containsAnyOf("centaur", "chess"));
        assertThat(bounded).allSatisfy(hit -> assertThat(unbounded).anySatisfy(same -> {
            assertThat(same.passageId()).isEqualTo(hit.passageId());
            assertThat(same.keywords()).isEqualTo(hit.keywords());
        }));
        assertThat(none).isEmpty();
    }

    private List<PassageHit> keywordLeg(int maxTermPassages) throws SQLException {
        HybridRetriever keywordsOnly = new HybridRetriever(false, true, 100, maxTermPassages, new Relevance(0.5));
        float[] vector = embeddings.embedQuery(QUESTION);
        try (Connection connection = index.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                return keywordsOnly.retrieve(connection, new PassageQuery(QUESTION, 50, Optional.empty(),
                        Optional.empty()), List.of(), vector, 1000);
            } finally {
                connection.rollback();
            }
        }
    }

    private int passagesHolding(String lexeme) {
        return Sql.query(index.dataSource(), "SELECT passages FROM term_stats WHERE lexeme = ?", rs -> rs.getInt(1),
                lexeme).stream().findFirst().orElse(0);
    }
}
