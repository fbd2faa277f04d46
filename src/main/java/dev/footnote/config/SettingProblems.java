package dev.footnote.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.ConfigValidationException;

/**
 * Says in one line what is wrong with the settings the application was started with, in the settings' own words:
 * {@code footnote.llm.provider cannot be "claude"; it takes extractive, ollama or openai}. The configuration
 * library's messages name codes and Java classes, which mean nothing to whoever wrote the setting.
 */
public final class SettingProblems {

    private static final Pattern NOT_CONVERTED = Pattern.compile("The config property (\\S+) with the config value "
            + "\"(.*?)\" threw an Exception whilst being converted.*?Cannot convert (.*?) to enum class .*?, allowed "
            + "values: ([\\w,-]+)", Pattern.DOTALL);
    private static final Pattern NOISE = Pattern.compile("(?:[\\w.]+(?:Exception|Error): )|(?:SRCFG\\d+: )");

    private SettingProblems() {
    }

    public static String describe(ConfigValidationException e) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < e.getProblemCount(); i++) {
            problems.add(describe(e.getProblem(i).getMessage()));
        }
        return String.join("; ", problems);
    }

    static String describe(String problem) {
        Matcher m = NOT_CONVERTED.matcher(problem);
        if (m.find()) {
            String[] allowed = m.group(4).split(",");
            Arrays.sort(allowed);
            String value = m.group(2).equals(m.group(3)) ? "\"" + m.group(2) + "\""
                    : "\"" + m.group(2) + "\" (not \"" + m.group(3) + "\")";
            return m.group(1) + " cannot be " + value + "; it takes " + either(allowed);
        }
        return NOISE.matcher(problem).replaceAll("").strip();
    }

    private static String either(String[] values) {
        return values.length == 1 ? values[0]
                : String.join(", ", Arrays.copyOf(values, values.length - 1)) + " or " + values[values.length - 1];
    }
}
