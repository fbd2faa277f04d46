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
        }
        Quarkus.run(FootnoteMain.class, args);
    }

    @Override
    public int run(String... args) {
        return new CommandLine(FootnoteCommand.class, factory)
                .setExecutionExceptionHandler(new OneLineErrors())
                .setParameterExceptionHandler(new OneLineErrors())
                .execute(args);
    }
}
