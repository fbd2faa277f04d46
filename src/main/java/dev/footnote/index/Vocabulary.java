package dev.footnote.index;

import javax.sql.DataSource;

/** The words the served passages hold, as the keyword search stems them: how much of a question the essays know. */
final class Vocabulary {

    private final DataSource dataSource;

    Vocabulary(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The share of the words of {@code text} (English-stemmed, stop words left out) that no served passage holds. */
    double unknownWordShare(String text) {
        return Sql.query(dataSource, "SELECT coalesce(avg(CASE WHEN EXISTS (SELECT 1 FROM served_passage p "
                + "WHERE p.search_vector @@ quote_literal(w.lexeme)::tsquery) THEN 0.0 ELSE 1.0 END), 0) "
                + "FROM unnest(search_document(?)) w", rs -> rs.getDouble(1), text).get(0);
    }
}
