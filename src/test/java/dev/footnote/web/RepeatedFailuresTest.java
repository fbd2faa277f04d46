package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RepeatedFailuresTest {

    private final AtomicLong clock = new AtomicLong();
    private final RepeatedFailures failures = new RepeatedFailures(Duration.ofSeconds(60), clock::get);

    @Test
    void should_admit_the_first_failure_of_a_kind_and_count_its_repeats_until_the_window_closes() {
        assertThat(failures.admit("Index unavailable")).hasValue(0);
        assertThat(IntStream.range(0, 999).mapToObj(i -> failures.admit("Index unavailable")))
                .allMatch(OptionalLong::isEmpty);

        clock.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(failures.admit("Index unavailable")).hasValue(999);
        assertThat(failures.admit("Index unavailable")).isEmpty();
    }

    @Test
    void should_keep_a_window_per_kind() {
        assertThat(failures.admit("Index unavailable")).hasValue(0);
        assertThat(failures.admit("Model server failed")).hasValue(0);
        assertThat(failures.admit("Model server failed")).isEmpty();
    }
}
