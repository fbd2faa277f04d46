package dev.footnote;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * {@code scripts/db up} prints what both the scripts ({@code eval "$(scripts/db up)"}) and the test harness read:
 * exactly three shell assignments, which point at a PostgreSQL that offers pgvector.
 */
class CheckoutDatabaseTest {

    @Test
    void should_print_three_shell_assignments_that_reach_a_database_with_pgvector() throws Exception {
        String printed = CheckoutDatabase.run("scripts/db", "up");

        assertThat(printed.lines()).hasSize(3).allMatch(line -> line.matches("QUARKUS_DATASOURCE_[A-Z_]+=\\S+"))
                .extracting(line -> line.substring(0, line.indexOf('='))).containsExactly(
                        "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        CheckoutDatabase database = CheckoutDatabase.parse(printed);
        assertThat(database.url()).startsWith("jdbc:postgresql://");
        // the shell reads the same values the harness does
        assertThat(CheckoutDatabase.run("bash", "-c", "eval \"$(scripts/db up 2>/dev/null)\"; printf '%s\\n' "
                + "\"$QUARKUS_DATASOURCE_JDBC_URL\" \"$QUARKUS_DATASOURCE_USERNAME\" \"$QUARKUS_DATASOURCE_PASSWORD\""))
                .isEqualTo(database.url() + "\n" + database.user() + "\n" + database.password() + "\n");
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet vector = statement.executeQuery(
                        "SELECT default_version FROM pg_available_extensions WHERE name = 'vector'")) {
            assertThat(vector.next()).as("pgvector is available").isTrue();
        }
    }

    @Test
    void should_read_values_quoted_as_a_shell_would_and_ignore_other_lines() {
        CheckoutDatabase database = CheckoutDatabase.parse("""
                scripts/db: starting PostgreSQL
                QUARKUS_DATASOURCE_JDBC_URL='jdbc:postgresql://127.0.0.1:5432/x?ssl=false'
                QUARKUS_DATASOURCE_USERNAME="someone"
                QUARKUS_DATASOURCE_PASSWORD=secret
                """);

        assertThat(database).isEqualTo(new CheckoutDatabase("jdbc:postgresql://127.0.0.1:5432/x?ssl=false", "someone",
                "secret"));
    }
}
