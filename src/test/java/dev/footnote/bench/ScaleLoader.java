package dev.footnote.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a migrated, empty scratch database with a corpus of a given size as fast as PostgreSQL takes it: the
 * source's served essays planted unchanged, then generated essays ({@link CorpusGenerator}) up to the size, all by
 * COPY with the passage and window indexes dropped; then the indexes are built again (the HNSW one last, timed on
 * its own), the keyword statistics recounted as migration V7 counts them, the source's manifest copied so that
 * {@code serve} accepts the index, and VACUUM ANALYZE run.
 */
final class ScaleLoader {

    /** Passages generated per COPY round: bounded memory, whatever the size. */
    private static final int BATCH = 5_000;

    private final Connection connection;
    private final CopyManager copy;

    ScaleLoader(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Seconds spent building the HNSW index; the rest of the build is the caller's to time. */
    double load(SourceIndex source, int passages, long seed) throws SQLException {
        if (passages < source.servedPassages()) {
            throw new IllegalArgumentException("N must be at least the " + source.servedPassages()
                    + " passages of the source index");
        }
        try (Statement statement = connection.createStatement()) {
            // the rows are consistent by construction: no foreign-key trigger per row
            statement.execute("SET session_replication_role = replica");
            Map<String, String> indexes = dropIndexes(statement);
            for (int t = 0; t < SourceIndex.TABLES.size(); t++) {
                copyIn(t, new ByteArrayInputStream(source.servedRows().get(t)));
            }
            CorpusGenerator generator = new CorpusGenerator(source, seed);
            int generated = passages - source.servedPassages();
            for (int done = 0; done < generated; done += BATCH) {
                CorpusGenerator.Batch batch = generator.next(Math.min(BATCH, generated - done));
                for (int t = 0; t < SourceIndex.TABLES.size(); t++) {
                    copyIn(t, new StringReader(batch.tables().get(t).toString()));
                }
                if ((done / BATCH) % 20 == 19) {
                    System.err.printf("  %,d of %,d passages generated%n", Math.min(done + BATCH, generated),
                            generated);
                }
            }
            statement.execute("SET session_replication_role = DEFAULT");
            statement.execute("SET maintenance_work_mem = '4GB'");
            statement.execute("SET max_parallel_maintenance_workers = 1");
            double hnswSeconds = 0;
            for (Map.Entry<String, String> index : indexes.entrySet()) {
                long started = System.nanoTime();
                statement.execute(index.getValue());
                double seconds = (System.nanoTime() - started) / 1e9;
                System.err.printf("  index %s: %.1f s%n", index.getKey(), seconds);
                if (index.getValue().contains("USING hnsw")) {
                    hnswSeconds += seconds;
                }
            }
            recountStatistics(statement);
            copyManifest(source.manifest());
            statement.execute("VACUUM ANALYZE");
            return hnswSeconds;
        }
    }

    /** Drops the secondary indexes of the passage tables; returns their definitions, HNSW last. */
    private static Map<String, String> dropIndexes(Statement statement) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                + " WHERE i.schemaname = 'public' AND i.tablename IN ('passage', 'passage_embedding')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)")) {
            while (row.next()) {
                found.add(new String[] {row.getString(1), row.getString(2)});
            }
        }
        found.sort((a, b) -> Boolean.compare(a[1].contains("USING hnsw"), b[1].contains("USING hnsw")));
        Map<String, String> indexes = new LinkedHashMap<>();
        for (String[] index : found) {
            statement.execute("DROP INDEX " + index[0]);
            indexes.put(index[0], index[1]);
        }
        return indexes;
    }

    private void copyIn(int table, Reader data) throws SQLException {
        try {
            copy.copyIn(copySql(table), data);
        } catch (IOException e) {
            throw new SQLException("COPY into " + SourceIndex.TABLES.get(table)[0] + " failed", e);
        }
    }

    private void copyIn(int table, InputStream data) throws SQLException {
        try {
            copy.copyIn(copySql(table), data);
        } catch (IOException e) {
            throw new SQLException("COPY into " + SourceIndex.TABLES.get(table)[0] + " failed", e);
        }
    }

    private static String copySql(int table) {
        String[] spec = SourceIndex.TABLES.get(table);
        return "COPY " + spec[0] + " (" + spec[1] + ") FROM STDIN";
    }

    /** As migration V7 counts them: per lexeme of the served passages, and the number of served passages. */
    private static void recountStatistics(Statement statement) throws SQLException {
        statement.execute("TRUNCATE term_stats, passage_stats");
        statement.execute("INSERT INTO term_stats (lexeme, passages) SELECT lexeme, count(*)"
                + " FROM served_passage p, unnest(tsvector_to_array(p.search_vector)) AS lexeme GROUP BY lexeme");
        statement.execute("INSERT INTO passage_stats (singleton, passages) SELECT true, count(*) FROM served_passage");
    }

    private void copyManifest(String[] manifest) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO index_manifest"
                + " (embedding_model, dimension, passage_settings) VALUES (?, ?, ?)")) {
            insert.setString(1, manifest[0]);
            insert.setInt(2, Integer.parseInt(manifest[1]));
            insert.setString(3, manifest[2]);
            insert.executeUpdate();
        }
    }
}
