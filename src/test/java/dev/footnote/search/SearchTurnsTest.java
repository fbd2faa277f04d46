package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SearchTurnsTest {

    private final SearchTurns turns = new SearchTurns(1, Duration.ofMillis(100));

    @Test
    void should_refuse_a_search_whose_turn_does_not_come_in_time_and_take_it_once_free() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> turns.take(() -> {
            started.countDown();
            await(finish);
            return "first";
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> turns.take(() -> "second")).isInstanceOf(SearchesBusyException.class)
                .hasMessageContaining("try again");

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(turns.take(() -> "third")).isEqualTo("third");
    }

    @Test
    void should_give_the_turn_back_when_a_search_fails() {
        assertThatThrownBy(() -> turns.take(() -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");
        assertThat(turns.take(() -> "next")).isEqualTo("next");
    }

    @Test
    void should_refuse_a_concurrency_below_one() {
        assertThatThrownBy(() -> new SearchTurns(0, Duration.ofSeconds(1)))
                .hasMessageContaining("footnote.search.concurrency");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
