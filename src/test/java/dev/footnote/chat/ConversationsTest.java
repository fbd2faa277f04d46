package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

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
}
