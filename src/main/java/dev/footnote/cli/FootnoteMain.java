package dev.footnote.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;

import jakarta.inject.Inject;

import dev.footnote.config.SettingProblems;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.ConfigValidationException;
import picocli.CommandLine;

/**
 * The entry point: {@code serve} (the default) runs the HTTP server; the other commands run and exit, with the
 * HTTP listener switched off so that they can run beside a serving instance.
 *
 * <p>Help, {@code --version} and usage errors are answered before the application starts, so they need no
 * database. A start that fails (no database configured or reachable, port taken) ends in one line on stderr
 * that says what to do, not in a stack trace.
 */
@QuarkusMain
public class FootnoteMain implements QuarkusApplication {

    private static final Set<String> SERVER_COMMANDS = Set.of("serve");
    static final String NO_DATABASE = "no database is configured. Run commands through scripts/footnote, which "
            + "starts the checkout's database (scripts/footnote ask \"…\"), or export QUARKUS_DATASOURCE_JDBC_URL, "
            + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD (scripts/db up prints them)";

    private final CommandLine.IFactory factory;

    @Inject
    public FootnoteMain(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    public static void main(String... args) {
        CommandLine offline = commandLine(new HelpOnlyFactory());
        try {
            CommandLine.ParseResult parsed = offline.parseArgs(args);
            if (CommandLine.executeHelpRequest(parsed) != null) {
                System.exit(0);
            }
        } catch (CommandLine.ParameterException e) {
            System.exit(new OneLineErrors().handleParseException(e, args));
        }
        if (!databaseConfigured()) {
            System.err.println("footnote: " + NO_DATABASE);
            System.exit(OneLineErrors.FAILED);
        }
        boolean server = args.length == 0 || SERVER_COMMANDS.contains(args[0]);
        if (!server) {
            System.setProperty("quarkus.http.host-enabled", "false");
            // Commands print progress and results themselves; start-up chatter would drown them.
            System.setProperty("quarkus.log.level", "WARN");
        }
        // Addresses the server cannot parse get a problem from RequestLimits instead of an empty 400.
        System.setProperty("vertx.disableURIValidation", "true");
        // A failed start is reported below in one line; Quarkus would log it with its stack trace.
        System.setProperty("quarkus.log.category.\"io.quarkus.runtime.Application\".level", "OFF");
        Quarkus.run(FootnoteMain.class, (status, failure) -> {
            if (failure != null) {
                System.err.println("footnote: " + startFailure(failure));
            }
            System.exit(failure != null && status == 0 ? OneLineErrors.FAILED : status);
        }, args);
    }

    @Override
    public int run(String... args) {
        return commandLine(factory).execute(args);
    }

    /** The command tree, with failures reported as one line on stderr. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(FootnoteCommand.class, factory)
                .setExecutionExceptionHandler(new OneLineErrors())
                .setParameterExceptionHandler(new OneLineErrors());
    }

    /** Whether database settings come from anywhere Quarkus reads them: properties, environment, files. */
    static boolean databaseConfigured() {
        if (System.getProperty("quarkus.datasource.jdbc.url") != null
                || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return true;
        }
        // configuration from files named elsewhere: let the start itself tell whether it holds a database
        if (System.getProperty("quarkus.config.locations") != null || System.getenv("QUARKUS_CONFIG_LOCATIONS") != null
                || System.getenv("SMALLRYE_CONFIG_LOCATIONS") != null) {
            return true;
        }
        return mentions(Path.of(".env"), "QUARKUS_DATASOURCE_JDBC_URL")
                || mentions(Path.of("config", "application.properties"), "quarkus.datasource.jdbc.url");
    }

    private static boolean mentions(Path file, String key) {
        try {
            return Files.isReadable(file) && Files.readString(file).contains(key);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** What stopped the start, in one line with what to do about it. */
    static String startFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.quarkus.runtime.QuarkusBindException) {
                return "the HTTP port is in use (" + OneLineErrors.cause(t) + "); serve on another one with "
                        + "QUARKUS_HTTP_PORT, for example QUARKUS_HTTP_PORT=8081 scripts/serve";
            }
            if (t instanceof ConfigValidationException settings) {
                return "cannot start: " + SettingProblems.describe(settings);
            }
            if (t instanceof SQLException) {
                return "the database cannot be reached (" + OneLineErrors.cause(t) + "); scripts/db up starts the "
                        + "checkout's database and prints its settings";
            }
        }
        return "cannot start: " + OneLineErrors.cause(failure);
    }
}
