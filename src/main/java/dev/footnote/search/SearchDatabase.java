package dev.footnote.search;

import javax.sql.DataSource;

/**
 * Where searches read their candidates: the primary database, or a streaming replica of it
 * ({@code footnote.search.datasource}) that takes the searches' load off the primary. A replica serves the index
 * as it was a moment ago; every passage it returns is still a whole passage of one published version, with that
 * version's offsets and digest.
 *
 * @param dataSource the database searches read
 * @param replica    whether it is a replica rather than the primary, to be checked for readiness on its own
 */
public record SearchDatabase(DataSource dataSource, boolean replica) {

    /** Searches read the primary. */
    public static SearchDatabase primary(DataSource primary) {
        return new SearchDatabase(primary, false);
    }
}
