package dev.footnote.chat;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.index.IndexException;
import dev.footnote.index.Sql;

/**
 * Conversations in PostgreSQL, so that they survive a restart: the last {@code maxTurns} turns of each, and
 * forgotten once untouched for {@code conversationTtl}.
 */
@Singleton
public class Conversations {

    private final DataSource dataSource;
    private final int maxTurns;
    private final Duration ttl;

    @Inject
    public Conversations(DataSource dataSource, FootnoteConfig config) {
        this(dataSource, config.chat().maxTurns(), config.chat().conversationTtl());
    }

    Conversations(DataSource dataSource, int maxTurns, Duration ttl) {
        this.dataSource = dataSource;
        this.maxTurns = maxTurns;
        this.ttl = ttl;
    }

    /** The turns of a live conversation, oldest first; empty when the id is unknown, malformed or expired. */
    Optional<List<Turn>> find(String id) {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        List<Boolean> live = Sql.query(dataSource, "SELECT updated_at > now() - make_interval(secs => ?) "
                + "FROM conversation WHERE id = ?", rs -> rs.getBoolean(1), (double) ttl.toSeconds(), uuid.get());
        if (live.isEmpty() || !live.get(0)) {
            return Optional.empty();
        }
        return Optional.of(Sql.query(dataSource, "SELECT question, standalone, answer, author, essay_id "
                + "FROM conversation_turn WHERE conversation_id = ? ORDER BY turn",
                rs -> new Turn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                uuid.get()));
    }

    /** Starts a conversation, forgetting expired ones on the way. */
    String start() {
        UUID id = UUID.randomUUID();
        Sql.inTransaction(dataSource, connection -> {
            try (PreparedStatement expire = connection.prepareStatement(
                    "DELETE FROM conversation WHERE updated_at < now() - make_interval(secs => ?)");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation (id) VALUES (?)")) {
                expire.setDouble(1, ttl.toSeconds());
                expire.executeUpdate();
                insert.setObject(1, id);
                insert.executeUpdate();
            }
            return null;
        });
        return id.toString();
    }

    /**
     * Adds a turn and drops the oldest beyond {@code maxTurns}. The conversation's row is locked first, so
     * that concurrent follow-ups on one conversation take turn numbers one after the other.
     */
    void append(String id, Turn turn) {
        UUID uuid = UUID.fromString(id);
        try {
            Sql.inTransaction(dataSource, connection -> {
                try (PreparedStatement touch = connection.prepareStatement(
                        "UPDATE conversation SET updated_at = now() WHERE id = ?");
                        PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation_turn "
                                + "(conversation_id, turn, question, standalone, answer, author, essay_id) "
                                + "SELECT ?, coalesce(max(turn), 0) + 1, ?, ?, ?, ?, ? FROM conversation_turn "
                                + "WHERE conversation_id = ?");
                        PreparedStatement trim = connection.prepareStatement("DELETE FROM conversation_turn "
                                + "WHERE conversation_id = ? AND turn <= (SELECT max(turn) FROM conversation_turn "
                                + "WHERE conversation_id = ?) - ?")) {
                    touch.setObject(1, uuid);
                    if (touch.executeUpdate() == 0) {
                        return null; // forgotten meanwhile: the answer stands, the turn is not kept
                    }
                    insert.setObject(1, uuid);
                    insert.setString(2, turn.question());
                    insert.setString(3, turn.standalone());
                    insert.setString(4, turn.answer());
                    insert.setString(5, turn.author());
                    insert.setString(6, turn.essayId());
                    insert.setObject(7, uuid);
                    insert.executeUpdate();
                    trim.setObject(1, uuid);
                    trim.setObject(2, uuid);
                    trim.setInt(3, maxTurns);
                    trim.executeUpdate();
                }
                return null;
            });
        } catch (IndexException e) {
            throw new ConversationException("the conversation could not be saved; the answer was not kept for "
                    + "follow-ups", e);
        }
    }

    private static Optional<UUID> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
