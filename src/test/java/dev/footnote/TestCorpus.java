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

    /** The folder the application indexes in tests: the shipped essays and {@link #MARKUP}. */
    public static final Path TEST_CORPUS = Path.of("target/test-corpus");
    public static final String MARKUP = "900_markup.txt";
    public static final String MARKUP_TITLE = "Markup in essays: <b>bold</b> claims";

    /** A source file's text, from the test corpus (which holds every shipped file too). */
    public static String read(String name) {
        try {
            Path file = TEST_CORPUS.resolve(name);
            return Files.readString(Files.exists(file) ? file : SHIPPED.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeTestCorpus(Path folder) {
        try {
            Files.createDirectories(folder);
            try (var files = Files.list(SHIPPED)) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(folder.resolve(MARKUP), """
                    Latest Posts (1 found)
                    Test Gardener 3 days ago

                    %s

                    Tomato plants need at least six hours of direct sun every day to fruit well. \
                    This sentence shows markup as text: <script>window.__footnoteXss = true;</script> and \
                    <img src="x" onerror="window.__footnoteXss = true"> must both appear literally. \
                    Water the soil, not the leaves, early in the morning.

                    0 views
                    """.formatted(MARKUP_TITLE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
