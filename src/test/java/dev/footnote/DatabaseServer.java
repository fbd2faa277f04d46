package dev.footnote;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL server for tests and benchmarks that run the packaged application, reached as the application
 * reaches it (a JDBC URL, user and password), and databases of their own on it, dropped and recreated with the
 * project's migrations or as copies of another.
 */
public final class DatabaseServer {

    private final String url;
    private final String user;
    private final String password;

    public DatabaseServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The checkout's own server, as {@code scripts/db up} provisions it and prints its three settings. */
    public static DatabaseServer ofCheckout() {
        CheckoutDatabase database = CheckoutDatabase.up();
        return new DatabaseServer(database.url(), database.user(), database.password());
    }

    /** The same server's URL naming another database; the URL's parameters are kept. */
    public String urlOf(String database) {
        return url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + database);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The environment that points the application at one of the server's databases. */
    public Map<String, String> environment(String database) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", urlOf(database), "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(urlOf(database), user, password);
    }

    /** Drops the database if it exists (ending its sessions first) and creates it empty, then migrates it. */
    public void recreate(String database) throws SQLException {
        create(database, null);
        Flyway.configure().dataSource(urlOf(database), user, password).locations("classpath:db/migration")
                .load().migrate();
    }

    /** Drops the database if it exists and creates it as a copy of {@code template}, as it is now. */
    public void copy(String template, String database) throws SQLException {
        create(database, template);
    }

    /** Drops the database if it exists, ending its sessions first. */
    public void drop(String database) throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            endSessions(statement, database);
            statement.execute("DROP DATABASE IF EXISTS " + plain(database));
        }
    }

    private void create(String database, String template) throws SQLException {
        drop(database);
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            if (template != null) {
                endSessions(statement, template); // a template must have no other sessions
            }
            statement.execute("CREATE DATABASE " + plain(database)
                    + (template == null ? "" : " TEMPLATE " + plain(template)));
        }
    }

    private static void endSessions(Statement statement, String database) throws SQLException {
        statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + plain(database) + "' AND pid <> pg_backend_pid()");
    }

    /** A name written into a statement: only lower-case letters, digits and underscores. */
    private static String plain(String database) {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        return database;
    }
}
