package dev.footnote.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.system.FootnoteConfig;

/**
 * Prompt templates, one file per use ({@code system.md}, {@code answer.md}, {@code rewrite.md}), read at
 * runtime from {@code footnote.prompts.dir} or else from the prompts shipped with the application.
 * Placeholders are {@code {{name}}}.
 */
@Singleton
public class Prompts {

    public static final String SYSTEM = "system.md";
    public static final String ANSWER = "answer.md";
    public static final String REWRITE = "rewrite.md";

    private final Optional<Path> folder;

    @Inject
    public Prompts(FootnoteConfig config) {
        this(config.prompts().dir());
    }

    Prompts(Optional<Path> folder) {
        this.folder = folder;
    }

    /** The template {@code name} with each {@code {{key}}} replaced by its value. */
    public String render(String name, Map<String, String> values) {
        String text = read(name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text.strip();
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
