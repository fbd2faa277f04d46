package dev.footnote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The essays shipped with the application, as files, and helpers to read them. */
public final class TestCorpus {

    public static final Path SHIPPED = Path.of("src/main/resources/essays");
    public static final String FEED_1 = "000_03ea18c15e12f1a6.txt";
    public static final String FEED_2 = "001_44e6c4ecbff459af.txt";
    public static final String CONCATENATION = "002_b776c1cb4929e0d5.txt";
    public static final String CATEGORY = "004_89b72b99f1d5c36f.txt";

    private TestCorpus() {
    }

    public static String read(String name) {
        try {
            return Files.readString(SHIPPED.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
