package dev.footnote.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.footnote.TestCorpus;

class CorpusLocationTest {

    @Test
    void should_list_exactly_the_shipped_essay_files() throws IOException {
        try (Stream<Path> files = Files.list(TestCorpus.SHIPPED)) {
            assertThat(CorpusLocation.shippedNames())
                    .containsExactlyInAnyOrderElementsOf(files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
