package dev.footnote.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code footnote [COMMAND]}: without a command, serves. */
@Command(name = "footnote", mixinStandardHelpOptions = true, versionProvider = FootnoteVersion.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Answers questions about a collection of essays, citing the exact passages.",
        subcommands = { ServeCommand.class, ReindexCommand.class, AskCommand.class, VerifyCommand.class,
                EvalCommand.class, CalibrateCommand.class, CommandLine.HelpCommand.class })
public class FootnoteCommand implements Callable<Integer> {

    private final ServeCommand serve;

    public FootnoteCommand(ServeCommand serve) {
        this.serve = serve;
    }

    @Override
    public Integer call() {
        return serve.call();
    }
}
