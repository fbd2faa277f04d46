package dev.footnote.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.footnote.index.IndexBuildingException;
import dev.footnote.index.IndexException;
import dev.footnote.search.InvalidQueryException;
import io.quarkiverse.mcp.server.ToolCallException;

class ToolFailuresTest {

    @Test
    void should_pass_on_messages_written_for_users() {
        assertThat(failure(new InvalidQueryException("\"k\" must be from 1 to 50, not 0")))
                .isEqualTo("\"k\" must be from 1 to 50, not 0");
        assertThat(failure(new IndexBuildingException(3, 40)))
                .isEqualTo("Footnote is indexing the essays (3 of 40); try again in a few seconds");
    }

    @Test
    void should_keep_database_details_and_bugs_out_of_the_message() {
        assertThat(failure(new IndexException("passage search failed: ERROR: relation \"passage\" does not exist",
                new SQLException("connection to 127.0.0.1:55432 refused")))).isEqualTo("the passage index is not available right now; try again shortly");
        assertThat(failure(new IllegalStateException("java.lang.NullPointerException at Foo.java:12")))
                .isEqualTo("an unexpected error occurred; see the server log");
    }

    private static String failure(RuntimeException thrown) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> ToolFailures.call(() -> {
            throw thrown;
        })).isInstanceOf(ToolCallException.class).satisfies(e -> caught[0] = e);
        return caught[0].getMessage();
    }
}
