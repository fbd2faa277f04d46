package dev.footnote.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.text.Span;

/** A folder of a user's own essays in Markdown and HTML, read by {@link CorpusReader} beside plain text. */
class OwnEssaysTest {

    private static final Path FORMATS = Path.of("src/test/resources/formats");

    @Test
    void should_read_markdown_and_html_essays_with_their_titles_and_authors(@TempDir Path folder) throws IOException {
        copy(folder, "gardening.md", "commute.html");
        Files.writeString(folder.resolve("broken.html"), "<html><body><nav>only navigation</nav></body></html>");

        Corpus corpus = new CorpusReader().read(folder);

        Map<String, Essay> byTitle = corpus.essays().stream()
                .collect(Collectors.toMap(Essay::title, Function.identity()));
        assertThat(byTitle.keySet()).containsExactlyInAnyOrder("On Gardening Slowly", "Why I Commute by Bike");
        assertThat(byTitle.get("On Gardening Slowly")).returns("Maya Lindqvist", Essay::author)
                .returns("2024-04-02", Essay::date).returns(false, Essay::titleDerived)
                .returns(List.of("gardening.md"), Essay::sources);
        assertThat(byTitle.get("Why I Commute by Bike")).returns("Tom Okafor", Essay::author);
        assertThat(corpus.skipped()).containsExactly("broken.html: no text");
    }

    @Test
    void should_count_offsets_in_the_text_verify_reads_back(@TempDir Path folder) throws IOException {
        copy(folder, "gardening.md", "commute.html");

        for (Essay essay : new CorpusReader().read(folder).essays()) {
            String readBack = CorpusReader.readText(folder.resolve(essay.source())).orElseThrow();
            EssayCopy body = essay.body();
            assertThat(body.fileText()).isEqualTo(readBack);
            for (Span paragraph : body.paragraphs()) {
                assertThat(paragraph.of(readBack)).doesNotContain("<", "**", "](", "&amp;");
            }
        }
    }

    @Test
    void should_take_a_text_essays_title_from_a_first_line_that_looks_like_one(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve("notebook.txt"), "Why I Keep a Paper Notebook\n\nI write every idea down "
                + "on paper first.\n\nA notebook costs four euros and never needs charging.\n");
        Files.writeString(folder.resolve("untitled.txt"), "Screens make me edit too early, before an idea is whole.\n\n"
                + "So I wait.\n");

        Map<String, Essay> bySource = new CorpusReader().read(folder).essays().stream()
                .collect(Collectors.toMap(Essay::source, Function.identity()));

        assertThat(bySource.get("notebook.txt")).returns("Why I Keep a Paper Notebook", Essay::title)
                .returns(false, Essay::titleDerived);
        assertThat(bySource.get("notebook.txt").body().bodyText()).startsWith("I write every idea");
        assertThat(bySource.get("untitled.txt")).returns(true, Essay::titleDerived);
    }

    @Test
    void should_skip_each_bad_file_with_one_reason_and_read_the_rest(@TempDir Path folder) throws IOException {
        copy(folder, "gardening.md");
        Files.write(folder.resolve("photo.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Files.write(folder.resolve("latin1.html"), "<p>Caf\u00e9 cr\u00e8me</p>".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(folder.resolve("empty.atom"), "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>");
        Files.writeString(folder.resolve("bare.rss"), "<rss><channel><item><title>t</title></item></channel></rss>");
        Files.writeString(folder.resolve("page.xml"), "<html><p>not a feed</p></html>");
        Files.writeString(folder.resolve("broken.md"), "---\ntitle: [unclosed\n---\nText.\n");

        Corpus corpus = new CorpusReader().read(folder);

        assertThat(corpus.essays()).extracting(Essay::title).containsExactly("On Gardening Slowly");
        assertThat(corpus.skipped()).containsExactlyInAnyOrder("bare.rss: a feed without entry content",
                "broken.md: front matter that is not valid YAML", "empty.atom: a feed without entries",
                "latin1.html: not valid UTF-8 text", "page.xml: not an Atom or RSS feed",
                "photo.md: not valid UTF-8 text");
    }

    private static void copy(Path folder, String... names) throws IOException {
        for (String name : names) {
            Files.copy(FORMATS.resolve(name), folder.resolve(name));
        }
    }
}
