package dev.footnote.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL server the benchmark runs on, reached as the application reaches it (a JDBC URL, user and
 * password), and the databases on it: the source index it reads, and a scratch database of its own that it
 * drops and recreates with the project's migrations.
 */
final class ScaleDatabases {

    private final String url;
    private final String user;
    private final String password;

    ScaleDatabases(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The same server's URL naming another database; the URL's parameters are kept. */
    String urlOf(String database) {
        return url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + database);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The environment that points the application at one of the server's databases. */
    Map<String, String> environment(String database) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", urlOf(database), "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(urlOf(database), user, password);
    }

    /** Drops the database if it exists (ending its sessions first) and creates it empty, then migrates it. */
    void recreate(String database) throws SQLException {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + database + "' AND pid <> pg_backend_pid()");
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
        Flyway.configure().dataSource(urlOf(database), user, password).locations("classpath:db/migration")
                .load().migrate();
    }
}
