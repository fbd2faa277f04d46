package dev.footnote.cli;

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
        e.getCommandLine().getErr().println("footnote: " + e.getMessage() + " (see --help)");
        return USAGE;
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
