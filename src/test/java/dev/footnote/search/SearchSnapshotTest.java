package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.ScratchIndex;
import dev.footnote.TestCorpus;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.index.Index;
import dev.footnote.index.ReindexListener;
import dev.footnote.index.ReindexOptions;
import dev.footnote.passage.PassageSettings;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A search ranks candidates first and reads the texts of the ones it keeps after. When a reindex publishes a new
 * version of their essay in between and removes the old one, the texts still come from the version ranked.
 */
@QuarkusTest
class SearchSnapshotTest {

    private static final String FILE = "category.txt";
    private static final String QUESTION = "useful insight from Stanford about reasoning behaviors";

    @Inject
    OnnxEncoder encoder;

    @Inject
    PassageSettings settings;

    @Inject
    Embeddings embeddings;

    @TempDir
    Path corpus;

    @Test
    void should_read_the_texts_of_the_version_it_ranked_after_a_reindex_removed_it() throws Exception {
        String before = TestCorpus.read(TestCorpus.CATEGORY);
        Files.writeString(corpus.resolve(FILE), before);
        Index index = ScratchIndex.freshIndex(encoder, settings);
        index.reindex(ReindexOptions.incremental(corpus), ReindexListener.SILENT);

        assertThat(rankThenReadAcrossAReindex(index, true, "Category: Added above\n\n" + before))
                .as("ranked, then read after the old version was removed").isNotEmpty()
                .allSatisfy(hit -> assertThat(before.substring(hit.start(), hit.end())).isEqualTo(hit.text()));
        // without the search's snapshot, the same sequence loses them: the test can tell
        assertThat(rankThenReadAcrossAReindex(index, false, before)).isEmpty();
    }

    private List<PassageHit> rankThenReadAcrossAReindex(Index index, boolean snapshot, String nextVersion)
            throws Exception {
        HybridRetriever retriever = new HybridRetriever(true, true, 100, 5000, new Relevance(0.5));
        try (Connection connection = index.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (snapshot) {
                    retriever.begin(connection, 5);
                } else {
                    retriever.deepen(connection, 5); // the same settings, in a transaction of the default isolation
                }
                List<Candidate> ranked = retriever.retrieve(connection, new PassageQuery(QUESTION, 5, Optional.empty(),
                        Optional.empty()), List.of(), embeddings.embedQuery(QUESTION), 5);
                assertThat(ranked).isNotEmpty();
                Files.writeString(corpus.resolve(FILE), nextVersion);
                index.reindex(ReindexOptions.incremental(corpus), ReindexListener.SILENT);
                return retriever.passages(connection, ranked);
            } finally {
                connection.rollback();
            }
        }
    }
}
