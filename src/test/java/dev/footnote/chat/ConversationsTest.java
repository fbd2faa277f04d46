package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.footnote.index.Sql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConversationsTest {

    @Inject
    DataSource dataSource;

    @Test
    void should_keep_the_last_turns_of_a_conversation_in_the_database() {
        Conversations conversations = new Conversations(dataSource, 2, Duration.ofHours(1));
        String id = conversations.start();
        for (int i = 1; i <= 3; i++) {
            conversations.append(id, new Turn("q" + i, "s" + i, "a" + i, "Author " + i, "essay" + i));
        }
        // a new instance reads what the first one wrote, as after a restart
        assertThat(new Conversations(dataSource, 2, Duration.ofHours(1)).find(id)).get().asList()
                .extracting("question").containsExactly("q2", "q3");
    }

    @Test
    void should_forget_expired_unknown_and_malformed_conversations() {
        Conversations shortLived = new Conversations(dataSource, 10, Duration.ZERO);
        String id = shortLived.start();
        shortLived.append(id, new Turn("q", "q", "a", null, null));
        assertThat(shortLived.find(id)).isEmpty();
        assertThat(shortLived.find("00000000-0000-0000-0000-000000000000")).isEmpty();
        assertThat(shortLived.find("not a uuid")).isEmpty();
        assertThat(shortLived.find(null)).isEmpty();
    }

    @Test
    void should_keep_every_turn_in_order_when_follow_ups_on_one_conversation_arrive_together() throws Exception {
        Conversations conversations = new Conversations(dataSource, 100, Duration.ofHours(1));
        String id = conversations.start();
        int turns = 40;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> appends = new java.util.ArrayList<>();
            for (int i = 0; i < turns; i++) {
                String question = "q" + i;
                appends.add(pool.submit(() -> conversations.append(id, new Turn(question, question, "a", null, null))));
            }
            for (java.util.concurrent.Future<?> append : appends) {
                append.get(); // throws if any append failed, as a duplicate turn number used to
            }
        } finally {
            pool.shutdownNow();
        }
        conversations.append(id, new Turn("last", "last", "a", null, null));

        List<Turn> kept = conversations.find(id).orElseThrow();
        // each concurrent turn once, the one appended after them all last, and the turns numbered one after
        // another with no gap: the order in which their transactions took the conversation's lock
        assertThat(kept).hasSize(turns + 1);
        assertThat(kept.subList(0, turns)).extracting(Turn::question)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, turns).mapToObj(i -> "q" + i).toList());
        assertThat(kept.get(turns).question()).isEqualTo("last");
        assertThat(Sql.query(dataSource, "SELECT turn FROM conversation_turn WHERE conversation_id = ? ORDER BY turn",
                rs -> rs.getInt(1), UUID.fromString(id)))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, turns + 1).boxed().toList());
    }
}
