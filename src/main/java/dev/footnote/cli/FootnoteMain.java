package dev.footnote.cli;

import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * The entry point: {@code serve} (the default) runs the HTTP server; the other commands run and exit, with the
 * HTTP listener switched off so that they can run beside a serving instance.
 */
@QuarkusMain
public class FootnoteMain implements QuarkusApplication {

    private static final Set<String> SERVER_COMMANDS = Set.of("serve");

    private final CommandLine.IFactory factory;

    @Inject
    public FootnoteMain(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    public static void main(String... args) {
        if (args.length > 0 && !SERVER_COMMANDS.contains(args[0])) {
            System.setProperty("quarkus.http.host-enabled", "false");
            // Commands print progress and results themselves; start-up chatter would drown them.
            System.setProperty("quarkus.log.level", "WARN");
        }
        Quarkus.run(FootnoteMain.class, args);
    }

    @Override
    public int run(String... args) {
        CommandLine commandLine = commandLine(factory);
        try {
            // Parsing builds the command and its services; picocli would print a failure there as a stack trace.
            commandLine.parseArgs(args);
        } catch (CommandLine.InitializationException e) {
            System.err.println("footnote: " + OneLineErrors.cause(e));
            return OneLineErrors.FAILED;
        } catch (CommandLine.ParameterException e) {
            // reported by execute, through OneLineErrors
        }
        return commandLine.execute(args);
    }

    /** The command tree, with failures reported as one line on stderr. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(FootnoteCommand.class, factory)
                .setExecutionExceptionHandler(new OneLineErrors())
                .setParameterExceptionHandler(new OneLineErrors());
    }
}
