package dev.footnote;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the tests a PostgreSQL with pgvector: the server named by {@code QUARKUS_DATASOURCE_JDBC_URL} if set,
 * else this checkout's own, provisioned by {@code scripts/db up} (installed on first use). The tests use a
 * database of their own on it ({@code <database>_test}), so that they never touch the index people serve.
 * The application reaches it through a {@link DatabaseProxy}, which a test can stall to hang the database.
 */
@QuarkusTestResource(DatabaseTestResource.class)
public class DatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        CheckoutDatabase database = CheckoutDatabase.up();
        return Map.of("quarkus.datasource.jdbc.url", throughProxy(testDatabase(database.url(), database.user(),
                database.password())), "quarkus.datasource.username", database.user(), "quarkus.datasource.password",
                database.password());
    }

    @Override
    public void stop() {
        // The database outlives the tests: the next run reuses it and its index.
    }

    /** Creates {@code <database>_test} beside the given database if missing; returns its URL. */
    private static String testDatabase(String url, String user, String password) {
        org.postgresql.ds.PGSimpleDataSource server = new org.postgresql.ds.PGSimpleDataSource();
        server.setUrl(url);
        server.setUser(user);
        server.setPassword(password);
        String database = server.getDatabaseName() + "_test";
        try (java.sql.Connection connection = server.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the test database " + database + ": " + e.getMessage(), e);
        }
        // the URL's own parameters are kept as given: PGSimpleDataSource.getUrl() would spell out every driver
        // default, and parameters in a URL win over the datasource's configured driver properties
        return url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + Matcher.quoteReplacement(database));
    }

    /** The same URL with its host and port replaced by those of a {@link DatabaseProxy} in front of them. */
    private static String throughProxy(String url) {
        Matcher hostAndPort = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/").matcher(url);
        if (!hostAndPort.find()) {
            throw new IllegalStateException("cannot read the host and port of " + url);
        }
        int port = hostAndPort.group(2) == null ? 5432 : Integer.parseInt(hostAndPort.group(2));
        int proxyPort = DatabaseProxy.start(hostAndPort.group(1), port);
        return "jdbc:postgresql://127.0.0.1:" + proxyPort + "/" + url.substring(hostAndPort.end());
    }
}
