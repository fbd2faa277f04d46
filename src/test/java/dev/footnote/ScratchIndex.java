package dev.footnote;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.index.Index;
import dev.footnote.passage.PassageSettings;

/**
 * A fresh, empty index in a database of its own ({@code <test database>_scratch}), for tests that reindex
 * small temporary corpora without touching the shared index of the test corpus.
 */
public final class ScratchIndex {

    private ScratchIndex() {
    }

    public static PGSimpleDataSource freshDatabase() {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        PGSimpleDataSource main = dataSource(url, user, password);
        String database = main.getDatabaseName() + "_scratch";
        try (Connection connection = main.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the scratch database " + database, e);
        }
        PGSimpleDataSource scratch = dataSource(url, user, password);
        scratch.setDatabaseName(database);
        Flyway.configure().dataSource(scratch).load().migrate();
        return scratch;
    }

    public static Index freshIndex(OnnxEncoder encoder, PassageSettings settings) {
        return new Index(freshDatabase(), encoder, settings);
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }
}
