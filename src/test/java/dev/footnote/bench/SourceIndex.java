package dev.footnote.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * What the benchmark takes from an index built the ordinary way (the shipped essays, embedded by the model): its
 * served windows with their real vectors and sentences, its vocabulary, its manifest, and its served rows as COPY
 * data, so that they can be planted unchanged in the big corpus.
 */
final class SourceIndex {

    /** The served tables in load order, with the columns copied (never a generated column). */
    static final List<String[]> TABLES = List.of(
            new String[] {"essay_version", "version_id, essay_id, content_hash, layout_hash, title, title_derived,"
                    + " author, date_text, sources, source, body_start, body, passage_count, source_sha256"},
            new String[] {"essay", "essay_id, version_id"},
            new String[] {"passage", "passage_id, version_id, ordinal, source, start_offset, end_offset, text,"
                    + " search_text, tokens"},
            new String[] {"passage_embedding", "embedding_id, embedding, text, passage_id, version_id, text_hash"});

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"“])");
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]{5,12}\\b");

    /** A window as the model embedded it: its sentences (the essay title line left out) and its vector. */
    record Window(List<String> sentences, float[] vector) {
    }

    private final List<Window> windows = new ArrayList<>();
    private final List<String> vocabulary;
    private final String[] manifest = new String[3];
    private final List<byte[]> servedRows = new ArrayList<>();
    private final int servedPassages;

    private SourceIndex(Connection connection) throws SQLException {
        Set<String> words = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT pe.text, pe.embedding::text FROM passage_embedding pe"
                    + " JOIN essay e ON e.version_id = pe.version_id ORDER BY pe.embedding_id")) {
                while (row.next()) {
                    String text = row.getString(1);
                    String body = text.substring(text.indexOf('\n') + 1);
                    windows.add(new Window(List.of(SENTENCE_END.split(body.strip())), parse(row.getString(2))));
                    Matcher word = WORD.matcher(body);
                    while (word.find()) {
                        words.add(word.group().toLowerCase(Locale.ROOT));
                    }
                }
            }
            try (ResultSet row = statement.executeQuery(
                    "SELECT embedding_model, dimension, passage_settings FROM index_manifest")) {
                if (!row.next()) {
                    throw new IllegalStateException("the source index has no manifest");
                }
                for (int i = 0; i < 3; i++) {
                    manifest[i] = row.getString(i + 1);
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT count(*) FROM served_passage")) {
                row.next();
                servedPassages = row.getInt(1);
            }
        }
        vocabulary = List.copyOf(words);
        for (String[] table : TABLES) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String served = table[0].equals("essay") ? "" : " WHERE version_id IN (SELECT version_id FROM essay)";
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        "COPY (SELECT " + table[1] + " FROM " + table[0] + served + ") TO STDOUT", out);
            } catch (IOException e) {
                throw new SQLException("cannot copy " + table[0] + " out of the source index", e);
            }
            servedRows.add(out.toByteArray());
        }
    }

    /** Reads the served index of the given connection's database; it must hold vectors. */
    static SourceIndex read(Connection connection) throws SQLException {
        SourceIndex index = new SourceIndex(connection);
        if (index.windows.isEmpty()) {
            throw new IllegalStateException("the source index holds no vectors: index the essays first");
        }
        return index;
    }

    /** Whether the database holds served windows with vectors (an index built by reindex). */
    static boolean hasVectors(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT to_regclass('passage_embedding') IS NOT NULL AND EXISTS (SELECT 1 FROM passage_embedding pe"
                        + " JOIN essay e ON e.version_id = pe.version_id)")) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    List<Window> windows() {
        return windows;
    }

    List<String> vocabulary() {
        return vocabulary;
    }

    /** Embedding model, dimension and passage settings, as {@code serve} checks them. */
    String[] manifest() {
        return manifest.clone();
    }

    /** The served rows of {@link #TABLES}, in the same order, as COPY text. */
    List<byte[]> servedRows() {
        return servedRows;
    }

    int servedPassages() {
        return servedPassages;
    }

    static float[] parse(String vector) {
        String[] parts = vector.substring(1, vector.length() - 1).split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
        }
        return values;
    }
}
