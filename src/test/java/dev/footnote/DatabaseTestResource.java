package dev.footnote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the tests a PostgreSQL with pgvector: the one named by {@code QUARKUS_DATASOURCE_JDBC_URL} if set,
 * else this checkout's own server, provisioned by {@code scripts/db up} (installed on first use).
 */
@QuarkusTestResource(DatabaseTestResource.class)
public class DatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new HashMap<>();
        for (String line : run("scripts/db", "up").split("\n")) {
            int equals = line.indexOf('=');
            if (line.startsWith("QUARKUS_DATASOURCE_") && equals > 0) {
                String key = line.substring(0, equals).toLowerCase().replace('_', '.');
                settings.put(key, unquote(line.substring(equals + 1)));
            }
        }
        if (!settings.containsKey("quarkus.datasource.jdbc.url")) {
            throw new IllegalStateException("scripts/db up printed no QUARKUS_DATASOURCE_JDBC_URL");
        }
        return settings;
    }

    @Override
    public void stop() {
        // The database outlives the tests: the next run reuses it and its index.
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String out;
            try (InputStream stdout = process.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see its output above");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
