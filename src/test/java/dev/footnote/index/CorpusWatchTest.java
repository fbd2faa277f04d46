package dev.footnote.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.ScratchIndex;
import dev.footnote.corpus.CorpusLocation;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.passage.PassageSettings;
import io.quarkus.test.junit.QuarkusTest;

/** Watching the corpus folder: a changed folder is reindexed incrementally, only once serving has started. */
@QuarkusTest
class CorpusWatchTest {

    @Inject
    OnnxEncoder encoder;

    @Inject
    PassageSettings settings;

    @Test
    void should_pick_up_an_added_and_a_changed_file_once_serving(@TempDir Path corpus) throws Exception {
        Files.writeString(corpus.resolve("notebook.txt"), "Why I Keep a Paper Notebook\n\nA notebook costs four "
                + "euros and never needs charging.\n");
        Index index = ScratchIndex.freshIndex(encoder, settings);
        index.reindex(ReindexOptions.incremental(corpus), ReindexListener.SILENT);
        CorpusWatch watch = new CorpusWatch(index, new CorpusLocation(corpus));
        Files.copy(Path.of("src/test/resources/formats/notes.rss"), corpus.resolve("notes.rss"));

        watch.check();
        assertThat(index.essays()).hasSize(1); // a one-off command never watches

        watch.start();
        watch.check();
        assertThat(index.essays()).extracting(EssayRecord::title)
                .containsExactlyInAnyOrder("Why I Keep a Paper Notebook", "Counting birds in winter");

        Files.writeString(corpus.resolve("notebook.txt"), "Why I Keep a Paper Notebook\n\nA notebook costs five "
                + "euros and never needs charging.\n");
        watch.check();
        String body = index.essayText(index.essays().stream().filter(e -> e.source().equals("notebook.txt"))
                .findFirst().orElseThrow().id()).orElseThrow().body();
        assertThat(body).contains("five euros");
        assertThat(index.essays()).hasSize(2);
    }
}
