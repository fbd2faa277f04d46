package dev.footnote.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.config.FootnoteConfig;

/**
 * Prompt templates, one file per use ({@code system.md}, {@code answer.md}, {@code rewrite.md}), read at
 * runtime from {@code footnote.prompts.dir} or else from the prompts shipped with the application.
 * Placeholders are {@code {{name}}}. All templates are read when the application starts, so a missing one
 * stops the start with its name instead of failing the first chat.
 */
@Singleton
public class Prompts {

    public static final String SYSTEM = "system.md";
    public static final String ANSWER = "answer.md";
    public static final String REWRITE = "rewrite.md";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final Optional<Path> folder;
    private final Map<String, String> templates = new HashMap<>();

    @Inject
    public Prompts(FootnoteConfig config) {
        this(config.prompts().dir());
    }

    Prompts(Optional<Path> folder) {
        this.folder = folder;
        for (String name : List.of(SYSTEM, ANSWER, REWRITE)) {
            templates.put(name, read(name));
        }
    }

    /**
     * The template {@code name} with each {@code {{key}}} replaced by its value, in one pass over the
     * template: a value that itself holds {@code {{question}}} (a passage quoting a template) stays as it is.
     */
    public String render(String name, Map<String, String> values) {
        String template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no prompt template " + name);
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = values.getOrDefault(placeholder.group(1), placeholder.group());
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString().strip();
    }

    private String read(String name) {
        try {
            if (folder.isPresent()) {
                Path file = folder.get().resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("prompt " + name + " not found in " + folder.get());
                }
                return Files.readString(file);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("prompts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("prompt " + name + " is not shipped with the application");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + name, e);
        }
    }
}
