package dev.footnote.web;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logging.Logger;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps a client's departure out of the warnings and errors: someone who closes a streamed answer midway is
 * not a failure of the server. The HTTP stack reports it as an error when the next piece of the stream finds
 * the connection closed ("impossible to send it to client", a closed channel, a broken pipe, a reset
 * connection); such a record is logged at debug instead. Named in {@code quarkus.log.console.filter}.
 */
@LoggingFilter(name = "client-departures")
public final class ClientDepartures implements Filter {

    private static final Logger LOG = Logger.getLogger(ClientDepartures.class);

    /** What the HTTP stack says when it writes to a connection its client has closed. */
    private static final List<String> SIGNS = List.of("ClosedChannelException", "Broken pipe",
            "Connection reset by peer", "impossible to send it to client",
            "Failed to mark a promise as failure because it has failed already");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() < Level.WARNING.intValue() || !isDeparture(record)) {
            return true;
        }
        LOG.debugf("Client left: %s", record.getMessage());
        return false;
    }

    static boolean isDeparture(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        if (SIGNS.stream().anyMatch(message::contains)) {
            return true;
        }
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedChannelException || cause instanceof IOException io
                    && io.getMessage() != null && SIGNS.stream().anyMatch(io.getMessage()::contains)) {
                return true;
            }
        }
        return false;
    }
}
