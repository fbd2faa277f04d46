package dev.footnote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkout's own PostgreSQL with pgvector, as {@code scripts/db up} provisions it (installed on first use) and
 * prints it: one shell assignment per line for the JDBC URL, the user and the password, which
 * {@code eval "$(scripts/db up)"} reads in the scripts and {@link #parse} here.
 */
public record CheckoutDatabase(String url, String user, String password) {

    private static final Pattern SETTING = Pattern.compile("^QUARKUS_DATASOURCE_(JDBC_URL|USERNAME|PASSWORD)=(.*)$");

    /** Runs {@code scripts/db up}: starts the database unless it runs, and reads where it is. */
    public static CheckoutDatabase up() {
        return parse(run("scripts/db", "up"));
    }

    /** The settings in what {@code scripts/db up} printed; a value may be quoted as the shell quotes it. */
    static CheckoutDatabase parse(String printed) {
        Map<String, String> settings = new HashMap<>();
        for (String line : printed.split("\n")) {
            Matcher m = SETTING.matcher(line.strip());
            if (m.matches()) {
                settings.put(m.group(1), unquote(m.group(2)));
            }
        }
        if (!settings.containsKey("JDBC_URL")) {
            throw new IllegalStateException("scripts/db up printed no QUARKUS_DATASOURCE_JDBC_URL");
        }
        return new CheckoutDatabase(settings.get("JDBC_URL"), settings.get("USERNAME"),
                settings.getOrDefault("PASSWORD", ""));
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    static String run(String... command) {
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
