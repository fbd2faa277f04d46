package dev.footnote.search;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The author and essay filters as SQL over the served essay ({@code e}) and its version ({@code v}), so that
 * both retrieval legs filter while they scan rather than after.
 */
final class Filters {

    static final String WHERE = "(?::text IS NULL OR lower(v.author) = lower(?::text)) "
            + "AND (?::text IS NULL OR e.essay_id = ?::text)";

    private Filters() {
    }

    /** Binds the four parameters of {@link #WHERE} from {@code index}; returns the next parameter index. */
    static int bind(PreparedStatement statement, int index, PassageQuery query) throws SQLException {
        String author = query.author().orElse(null);
        String essay = query.essayId().orElse(null);
        statement.setString(index, author);
        statement.setString(index + 1, author);
        statement.setString(index + 2, essay);
        statement.setString(index + 3, essay);
        return index + 4;
    }
}
