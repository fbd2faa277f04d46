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
 * The keyword leg alone, on the shared index: it finds candidates only through the question's rarest words, as
 * many as the passages they hold allow, and still scores every candidate on all the question's words.
 */
@QuarkusTest
class KeywordLegTest {

    /** Two rare words and three that many passages hold. */
    private static final String QUESTION = "Is writing code like centaur chess?";

    @Inject
    Index index;

    @Inject
    Embeddings embeddings;

    @Test
    void should_look_up_the_rarest_words_while_their_passages_fit_the_budget() throws SQLException {
        int centaur = passagesHolding("centaur");
        int chess = passagesHolding("chess");
        int commonest = Math.min(passagesHolding("write"), Math.min(passagesHolding("code"), passagesHolding("like")));
        assertThat(centaur).isPositive().isLessThanOrEqualTo(chess);
        assertThat(centaur + chess).isLessThan(commonest);

        List<PassageHit> unbounded = keywordLeg(Integer.MAX_VALUE);
        List<PassageHit> twoRarest = keywordLeg(centaur + chess);
        List<PassageHit> rarest = keywordLeg(centaur);
        List<PassageHit> none = keywordLeg(centaur - 1);

        assertThat(unbounded).hasSizeGreaterThanOrEqualTo(commonest);
        // only the passages holding the rare words are looked up, and they still score on every word
        assertThat(twoRarest).hasSizeBetween(chess, centaur + chess)
                .allSatisfy(hit -> assertThat(hit.text().toLowerCase()).containsAnyOf("centaur", "chess"));
        assertThat(twoRarest).allSatisfy(hit -> assertThat(unbounded).anySatisfy(same -> {
            assertThat(same.passageId()).isEqualTo(hit.passageId());
            assertThat(same.keywords()).isEqualTo(hit.keywords());
        }));
        assertThat(rarest).hasSize(centaur)
                .allSatisfy(hit -> assertThat(hit.text().toLowerCase()).contains("centaur"));
        assertThat(none).isEmpty();
    }

    private List<PassageHit> keywordLeg(int keywordPassages) throws SQLException {
        HybridRetriever keywordsOnly = new HybridRetriever(false, true, 100, keywordPassages, new Relevance(0.5));
        float[] vector = embeddings.embedQuery(QUESTION);
        try (Connection connection = index.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                return keywordsOnly.passages(connection, keywordsOnly.retrieve(connection, new PassageQuery(QUESTION,
                        50, Optional.empty(), Optional.empty()), List.of(), vector, 1000));
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
