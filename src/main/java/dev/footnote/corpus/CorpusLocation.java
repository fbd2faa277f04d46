package dev.footnote.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.config.FootnoteConfig;

/**
 * The corpus folder to index: {@code footnote.corpus.dir} when set, else the essays shipped inside the
 * application. Those are resources listed in {@value #SHIPPED_LIST}, copied once per process to a temporary
 * folder so that every class loader and packaging reads them the same way.
 */
@Singleton
public class CorpusLocation {

    static final String SHIPPED_DIR = "essays/";
    static final String SHIPPED_LIST = "essays.list";

    private final Optional<Path> configured;
    private Path shipped;

    @Inject
    public CorpusLocation(FootnoteConfig config) {
        this.configured = config.corpus().dir();
    }

    /** A location fixed to {@code folder}, as {@code footnote.corpus.dir} would set it. */
    public CorpusLocation(Path folder) {
        this.configured = Optional.of(folder);
    }

    public Path folder() {
        return configured.orElseGet(this::shippedFolder);
    }

    /** The shipped essays' file names, as listed in {@value #SHIPPED_LIST}. */
    public static List<String> shippedNames() {
        try (InputStream list = resource(SHIPPED_LIST)) {
            return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Path shippedFolder() {
        if (shipped == null) {
            try {
                Path folder = Files.createTempDirectory("footnote-essays");
                folder.toFile().deleteOnExit();
                for (String name : shippedNames()) {
                    try (InputStream essay = resource(SHIPPED_DIR + name)) {
                        Files.copy(essay, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                    folder.resolve(name).toFile().deleteOnExit();
                }
                shipped = folder;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the shipped essays", e);
            }
        }
        return shipped;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }
}
