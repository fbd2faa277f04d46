package dev.footnote.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class ClientDeparturesTest {

    private final ClientDepartures filter = new ClientDepartures();

    @Test
    void should_hold_back_what_a_closed_stream_logs() {
        assertThat(filter.isLoggable(record(Level.SEVERE, "Exception in SSE server handling, impossible to send it to "
                + "client: io.netty.channel.StacklessClosedChannelException", null))).isFalse();
        assertThat(filter.isLoggable(record(Level.SEVERE, "Write failed", new IOException("Broken pipe")))).isFalse();
        assertThat(filter.isLoggable(record(Level.WARNING, "Write failed",
                new IllegalStateException(new ClosedChannelException())))).isFalse();
        assertThat(filter.isLoggable(record(Level.WARNING, "Failed to mark a promise as failure because it has failed "
                + "already: DefaultChannelPromise@7f24(failure: java.nio.channels.ClosedChannelException)", null)))
                .isFalse();
    }

    @Test
    void should_let_every_other_record_through() {
        assertThat(filter.isLoggable(record(Level.SEVERE, "Unexpected failure", new IllegalStateException("bug"))))
                .isTrue();
        assertThat(filter.isLoggable(record(Level.WARNING, "Index unavailable: connection refused", null))).isTrue();
        assertThat(filter.isLoggable(record(Level.SEVERE, "Reading the corpus failed", new IOException("disk full"))))
                .isTrue();
        assertThat(filter.isLoggable(record(Level.FINE, "Broken pipe", null))).isTrue();
    }

    private static LogRecord record(Level level, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setThrown(thrown);
        return record;
    }
}
