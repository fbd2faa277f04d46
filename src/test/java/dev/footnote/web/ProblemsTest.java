package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.footnote.corpus.CorpusException;
import dev.footnote.index.IndexBuildingException;
import dev.footnote.index.IndexException;
import dev.footnote.index.ReindexConflictException;
import dev.footnote.search.SearchesBusyException;

/** Failures become problems in one place, the same for plain responses and for stream error events. */
class ProblemsTest {

    @Test
    void should_answer_503_with_progress_and_retry_after_while_the_first_index_is_built() {
        Response response = Problems.response(new IndexBuildingException(12, 47));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).detail())
                .isEqualTo("Footnote is indexing the essays (12 of 47); try again in a few seconds");
    }

    @Test
    void should_answer_503_with_retry_after_when_searches_wait_too_long_for_their_turn() {
        Response response = Problems.response(new SearchesBusyException());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) response.getEntity()).detail())
                .isEqualTo("too many searches at once; try again in a moment");
    }

    @Test
    void should_keep_database_details_out_of_an_index_failure() {
        IndexException failure = new IndexException("passage search failed: ERROR: invalid byte sequence for "
                + "encoding \"UTF8\": 0x00 at 127.0.0.1:55432",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00"));

        Problem problem = Problems.of(failure);

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).isEqualTo("the passage index is not available right now; try again shortly")
                .doesNotContain("ERROR", "UTF8", "55432");
    }

    @Test
    void should_not_tell_a_client_what_failed_inside_on_an_unexpected_error() {
        Problem problem = Problems.of(new IllegalStateException("com.fasterxml.jackson.Something broke"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).isEqualTo("an unexpected error occurred; see the server log");
    }

    @Test
    void should_answer_409_to_a_reindex_that_cannot_go_ahead_and_503_with_the_reason_for_a_missing_corpus() {
        Problem conflict = Problems.of(new ReindexConflictException("another reindex of this index is running"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.detail()).isEqualTo("another reindex of this index is running");

        Problem corpus = Problems.of(new CorpusException("corpus folder not found: /srv/essays"));
        assertThat(corpus.status()).isEqualTo(503);
        assertThat(corpus.detail()).isEqualTo("corpus folder not found: /srv/essays");
    }
}
