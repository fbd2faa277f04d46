package dev.footnote.cli;

import java.util.Optional;

import picocli.CommandLine;

/** Failures on the command line are one line on stderr and a non-zero exit code, never a stack trace. */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    static final int FAILED = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        command.getErr().println("footnote " + command.getCommandName() + ": " + message(e));
        return FAILED;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        String message = unknownCommand(e).map(name -> "unknown command \"" + name + "\"; see footnote help")
                .orElse(e.getMessage() + " (see --help)");
        e.getCommandLine().getErr().println("footnote: " + message);
        return USAGE;
    }

    /**
     * The command that {@code e} failed to find, the same whether it was run ({@code footnote nosuch}) or asked
     * about ({@code footnote help nosuch}); empty when {@code e} is about something else.
     */
    static Optional<String> unknownCommand(CommandLine.ParameterException e) {
        CommandLine line = e.getCommandLine();
        String name = null;
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            name = unmatched.getUnmatched().isEmpty() ? null : unmatched.getUnmatched().get(0);
        } else if (line.getParseResult() != null && line.getParseResult().subcommand() != null
                && line.getParseResult().subcommand().commandSpec().userObject() instanceof CommandLine.HelpCommand) {
            name = line.getParseResult().subcommand().matchedPositionals().stream()
                    .flatMap(command -> command.stringValues().stream()).findFirst().orElse(null);
        }
        if (name == null || name.startsWith("-") || line.getSubcommands().isEmpty()
                || line.getSubcommands().containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** What went wrong beneath a wrapper: the message of the first cause that has one. */
    static String cause(Throwable wrapper) {
        Throwable cause = wrapper.getCause() == null ? wrapper : wrapper.getCause();
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return message(cause);
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
