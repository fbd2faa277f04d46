package dev.footnote.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.ScratchIndex;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.corpus.CorpusLocation;
import dev.footnote.corpus.CorpusReader;
import dev.footnote.embedding.Embeddings;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.passage.PassageSettings;
import dev.footnote.search.PassageHit;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;
import dev.footnote.search.Reranker;
import dev.footnote.text.Span;
import dev.footnote.text.Text;
import dev.footnote.verify.CitationVerifier;
import dev.footnote.verify.CitedQuote;
import dev.footnote.verify.QuoteCheck;
import dev.footnote.verify.QuoteStatus;
import dev.footnote.verify.VerifyReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A folder of Markdown, HTML, a feed and plain text indexed and searched: titles, authors and addresses from the
 * files, no markup in any passage, and every passage's offsets slicing its text out of the text verify reads.
 */
@QuarkusTest
class OwnEssaysIndexTest {

    private static final Path FORMATS = Path.of("src/test/resources/formats");

    @Inject
    OnnxEncoder encoder;

    @Inject
    PassageSettings settings;

    @Inject
    FootnoteConfig config;

    @Test
    void should_index_and_find_essays_in_every_format_with_exact_offsets(@TempDir Path corpus) throws Exception {
        for (String name : List.of("gardening.md", "commute.html", "lena.atom", "notes.rss")) {
            Files.copy(FORMATS.resolve(name), corpus.resolve(name));
        }
        Files.writeString(corpus.resolve("notebook.txt"), "Why I Keep a Paper Notebook\n\nA notebook costs four "
                + "euros and never needs charging.\n");
        Index index = ScratchIndex.freshIndex(encoder, settings);
        index.reindex(ReindexOptions.incremental(corpus), ReindexListener.SILENT);

        Map<String, EssayRecord> byTitle = index.essays().stream()
                .collect(Collectors.toMap(EssayRecord::title, Function.identity()));
        assertThat(byTitle.keySet()).containsExactlyInAnyOrder("On Gardening Slowly", "Why I Commute by Bike",
                "Shipping on Fridays", "Why we dropped microservices", "Counting birds in winter",
                "Why I Keep a Paper Notebook");
        assertThat(byTitle.get("Counting birds in winter")).returns("Ines Duarte", EssayRecord::author)
                .returns("https://notes.example/birds", EssayRecord::url);
        assertThat(byTitle.get("Why I Commute by Bike")).returns("Tom Okafor", EssayRecord::author)
                .returns("https://tom.example/commute", EssayRecord::url);
        assertThat(byTitle.get("Why I Keep a Paper Notebook").url()).isNull();

        PassageSearch search = new PassageSearch(index, Embeddings.cached(encoder, 1000), Reranker.none(), config,
                new SimpleMeterRegistry());
        List<PassageHit> hits = search.search(new PassageQuery("How many sparrows came to the feeder?", 10,
                Optional.empty(), Optional.empty()));

        assertThat(hits.get(0).essay().author()).isEqualTo("Ines Duarte");
        assertThat(hits).hasSize(6);
        for (PassageHit hit : hits) {
            String readBack = CorpusReader.readText(corpus.resolve(hit.source())).orElseThrow();
            assertThat(readBack.substring(hit.start(), hit.end())).isEqualTo(hit.text());
            assertThat(hit.text()).doesNotContain("<", "&amp;", "**", "](", "title:", "track()");
            // and the raw file's stretch holds the passage's words, from its first to its last
            List<String> words = Text.words(hit.text());
            List<String> raw = Text.words(hit.sourceSpan().of(Files.readString(corpus.resolve(hit.source()))));
            assertThat(raw).containsSubsequence(words);
            assertThat(raw.get(0)).isEqualTo(words.get(0));
            assertThat(raw.get(raw.size() - 1)).isEqualTo(words.get(words.size() - 1));
            if (hit.source().endsWith(".txt")) {
                assertThat(hit.sourceSpan()).isEqualTo(new Span(hit.start(), hit.end()));
            }
        }

        // verify reads a feed's quote back where the citation says, from a file it knows unchanged
        PassageHit birds = hits.get(0);
        String quote = "We counted 212 sparrows at the feeder in January.";
        VerifyReport report = new CitationVerifier(new CorpusLocation(corpus), index).verify(List.of(new CitedQuote(1,
                quote, birds.text(), birds.source(), birds.sourceSpan().start(), birds.sourceSpan().end(),
                birds.essay().sourceSha256(), birds.start())), corpus);
        assertThat(report.citations()).singleElement()
                .returns(QuoteStatus.EXACT, QuoteCheck::status).returns(true, QuoteCheck::fileUnchanged);
    }
}
