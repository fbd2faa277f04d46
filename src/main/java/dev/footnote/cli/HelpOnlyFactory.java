package dev.footnote.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;

/**
 * Builds the commands without their services, which is all that help, version and usage errors need: so that
 * {@code footnote ask --help} answers at once, with no database and no model loaded. Commands only keep what
 * their constructors receive, so a command built here is never run.
 */
final class HelpOnlyFactory implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (!type.isAnnotationPresent(CommandLine.Command.class)) {
            return CommandLine.defaultFactory().create(type);
        }
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        Object[] none = new Object[constructor.getParameterCount()];
        return type.cast(constructor.newInstance(none));
    }
}
