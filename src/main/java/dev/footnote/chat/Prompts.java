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
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.config.FootnoteConfig;
import dev.langchain4j.model.input.PromptTemplate;

/**
 * Prompt templates, one file per use ({@code system.md}, {@code answer.md}, {@code rewrite.md}), read at
 * runtime from {@code footnote.prompts.dir} or else from the prompts shipped with the application, and rendered
 * by LangChain4j's {@link PromptTemplate}: placeholders are {@code {{name}}}, filled in one pass, so that a value
 * holding {@code {{question}}} (a passage quoting a template) stays as written. All templates are read and tried
 * when the application starts, so a missing one, or one using a placeholder Footnote does not fill, stops the
 * start with its name instead of failing the first chat.
 */
@Singleton
public class Prompts {

    public static final String SYSTEM = "system.md";
    public static final String ANSWER = "answer.md";
    public static final String REWRITE = "rewrite.md";

    /** The placeholders Footnote fills in each template. */
    private static final Map<String, List<String>> VARIABLES = Map.of(SYSTEM, List.of("fence"),
            ANSWER, List.of("passages", "question"), REWRITE, List.of("history", "question"));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.+?)}}");

    private final Optional<Path> folder;
    private final Map<String, PromptTemplate> templates = new HashMap<>();

    @Inject
    public Prompts(FootnoteConfig config) {
        this(config.prompts().dir());
    }

    Prompts(Optional<Path> folder) {
        this.folder = folder;
        for (String name : List.of(SYSTEM, ANSWER, REWRITE)) {
            String template = read(name);
            Matcher placeholder = PLACEHOLDER.matcher(template);
            while (placeholder.find()) {
                if (!VARIABLES.get(name).contains(placeholder.group(1).strip())) {
                    throw new IllegalStateException("prompt " + name + " uses " + placeholder.group()
                            + ", which Footnote does not fill; it fills " + VARIABLES.get(name).stream()
                            .map(variable -> "{{" + variable + "}}").collect(Collectors.joining(" and ")));
                }
            }
            templates.put(name, PromptTemplate.from(template));
        }
    }

    /** The template {@code name} with each {@code {{key}}} replaced by its value; every placeholder needs one. */
    public String render(String name, Map<String, String> values) {
        PromptTemplate template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no prompt template " + name);
        }
        return template.apply(Map.<String, Object>copyOf(values)).text().strip();
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
