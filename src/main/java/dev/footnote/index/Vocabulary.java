package dev.footnote.index;

import javax.sql.DataSource;

/** The words the served passages hold, as the keyword search stems them: how much of a question the essays know. */
final class Vocabulary {

    private final DataSource dataSource;

    Vocabulary(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The words of {@code text} that no served passage holds. */
    UnknownWords unknownWords(String text) {
        return Sql.query(dataSource, "SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM served_passage p "
                + "WHERE p.search_vector @@ quote_literal(w.lexeme)::tsquery)), count(*) "
                + "FROM unnest(search_document(?)) w", rs -> new UnknownWords(rs.getInt(1), rs.getInt(2)), text).get(0);
    }
}
