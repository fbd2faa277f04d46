package dev.footnote.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footnote.text.Span;
import dev.footnote.text.Text;

/** Markdown and HTML essays read as a reader sees them, every stretch of text mapped to its place in the file. */
class FormatReadersTest {

    private static final Path FORMATS = Path.of("src/test/resources/formats");

    @Test
    void should_read_a_markdown_essay_with_front_matter_as_plain_blocks() throws IOException {
        String raw = Files.readString(FORMATS.resolve("gardening.md"));

        ReadEssay essay = only(new MarkdownReader().read("gardening.md", raw));

        assertThat(essay.title()).isEqualTo("On Gardening Slowly");
        assertThat(essay.author()).isEqualTo("Maya Lindqvist");
        assertThat(essay.date()).isEqualTo("2024-04-02");
        assertThat(essay.url()).isEqualTo("https://maya.example/gardening-slowly");
        assertThat(blocks(essay)).containsExactly(
                "I planted the first row of leeks in March. It took three weeks before anything showed.",
                "Things I learned:",
                "Water in the morning, not at night.",
                "Read the seed packet twice & believe it.",
                "Patience is a tool, not a virtue.",
                "soil = compost + sand",
                "The pH of my soil is 6.5, which leeks tolerate.");
        assertThat(essay.text().text()).doesNotContain("---", "title:", "#", "*", "](", "```", "`");
        assertMapsWordsToTheFile(essay, raw);
    }

    @Test
    void should_take_a_markdown_essays_title_from_its_first_heading_without_front_matter() {
        String raw = "# Notes on Rust\n\nOwnership makes *aliasing* explicit.\n";

        ReadEssay essay = only(new MarkdownReader().read("rust.md", raw));

        assertThat(essay.title()).isEqualTo("Notes on Rust");
        assertThat(essay.author()).isNull();
        assertThat(blocks(essay)).containsExactly("Ownership makes aliasing explicit.");
    }

    @Test
    void should_read_toml_front_matter() {
        String raw = "+++\ntitle = \"Tabs\"\nauthor = [\"Ana Ruiz\"]\n+++\nTabs are for indentation.\n";

        ReadEssay essay = only(new MarkdownReader().read("tabs.md", raw));

        assertThat(essay.title()).isEqualTo("Tabs");
        assertThat(essay.author()).isEqualTo("Ana Ruiz");
        assertThat(blocks(essay)).containsExactly("Tabs are for indentation.");
    }

    @Test
    void should_read_an_html_essays_article_without_page_furniture() throws IOException {
        String raw = Files.readString(FORMATS.resolve("commute.html"));

        ReadEssay essay = only(new HtmlReader().read("commute.html", raw));

        assertThat(essay.title()).isEqualTo("Why I Commute by Bike");
        assertThat(essay.author()).isEqualTo("Tom Okafor");
        assertThat(essay.date()).isEqualTo("2023-09-14");
        assertThat(essay.url()).isEqualTo("https://tom.example/commute");
        assertThat(blocks(essay)).containsExactly(
                "My commute is nine kilometres each way. It takes 28 minutes \u2014 faster than the bus.",
                "The best part is the river path, where herons stand in the shallows & ignore me.",
                "Rain gear costs less than a month of fares.",
                "My knees have never been better.");
        assertThat(essay.text().text()).doesNotContain("<", "&amp;", "analytics", "Home", "newsletter", "©");
        assertMapsWordsToTheFile(essay, raw);
    }

    @Test
    void should_read_each_entry_of_an_atom_feed_as_an_essay() throws IOException {
        String raw = Files.readString(FORMATS.resolve("lena.atom"));

        List<ReadEssay> essays = new FeedReader().read("lena.atom", raw);

        assertThat(essays).extracting(ReadEssay::title).containsExactly("Shipping on Fridays",
                "Why we dropped microservices");
        assertThat(essays).extracting(ReadEssay::author).containsExactly("Lena Park", "Sam Ortiz");
        assertThat(essays).extracting(ReadEssay::url).containsExactly("https://lena.example/fridays",
                "https://lena.example/monolith");
        assertThat(essays).extracting(ReadEssay::date).containsExactly("2024-05-31T08:00:00Z",
                "2024-05-20T08:00:00Z");
        assertThat(blocks(essays.get(0))).containsExactly("We ship on Fridays & nobody panics.",
                "Our rollback takes ninety seconds, so a bad deploy costs little.");
        assertThat(blocks(essays.get(1))).containsExactly("Eleven services became one.", "Deploys got faster.",
                "On-call got quieter.");
        essays.forEach(essay -> assertMapsWordsToTheFile(essay, raw));
        int ampersand = essays.get(0).text().text().indexOf('&');
        assertThat(essays.get(0).text().toSource(new Span(ampersand, ampersand + 1)).of(raw)).isEqualTo("&amp;amp;");
    }

    @Test
    void should_read_an_rss_items_encoded_content_and_creator() throws IOException {
        String raw = Files.readString(FORMATS.resolve("notes.rss"));

        ReadEssay essay = only(new FeedReader().read("notes.rss", raw));

        assertThat(essay.title()).isEqualTo("Counting birds in winter");
        assertThat(essay.author()).isEqualTo("Ines Duarte");
        assertThat(essay.url()).isEqualTo("https://notes.example/birds");
        assertThat(blocks(essay)).containsExactly("We counted 212 sparrows at the feeder in January.");
        assertMapsWordsToTheFile(essay, raw);
    }

    @Test
    void should_refuse_a_feed_without_entries_or_content() {
        assertThatThrownBy(() -> new FeedReader().read("empty.atom",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>"))
                .isInstanceOf(CorpusException.class).hasMessage("a feed without entries");
        assertThatThrownBy(() -> new FeedReader().read("bare.rss",
                "<rss><channel><item><title>t</title></item></channel></rss>"))
                .isInstanceOf(CorpusException.class).hasMessage("a feed without entry content");
        assertThatThrownBy(() -> new FeedReader().read("page.xml", "<html><p>not a feed</p></html>"))
                .isInstanceOf(CorpusException.class).hasMessage("not an Atom or RSS feed");
    }

    @Test
    void should_refuse_a_page_without_text() {
        assertThatThrownBy(() -> new HtmlReader().read("empty.html", "<html><body><nav>Home</nav></body></html>"))
                .isInstanceOf(CorpusException.class).hasMessage("no text");
        assertThatThrownBy(() -> new MarkdownReader().read("empty.md", "---\ntitle: x\n---\n"))
                .isInstanceOf(CorpusException.class).hasMessage("no text");
    }

    @Test
    void should_map_an_entity_to_the_characters_it_was_written_with() {
        String raw = "<p>Salt &amp; pepper</p>";

        ReadingText text = only(new HtmlReader().read("salt.html", raw)).text();

        int ampersand = text.text().indexOf('&');
        assertThat(text.toSource(new Span(ampersand, ampersand + 1)).of(raw)).isEqualTo("&amp;");
        assertThat(text.toSource(new Span(0, text.text().length())).of(raw)).isEqualTo("Salt &amp; pepper");
    }

    /**
     * Every block maps to a stretch of the file that starts with its first word, ends with its last, and holds its
     * words in order (markup and entities may stand between them).
     */
    private static void assertMapsWordsToTheFile(ReadEssay essay, String raw) {
        ReadingText text = essay.text();
        for (Span block : text.blocks()) {
            List<String> read = Text.words(block.of(text.text()));
            List<String> source = Text.words(text.toSource(block).of(raw));
            assertThat(source).as(text.toSource(block).of(raw)).containsSubsequence(read);
            assertThat(source.get(0)).isEqualTo(read.get(0));
            assertThat(source.get(source.size() - 1)).isEqualTo(read.get(read.size() - 1));
        }
    }

    private static List<String> blocks(ReadEssay essay) {
        return essay.text().blocks().stream().map(span -> span.of(essay.text().text())).toList();
    }

    private static ReadEssay only(List<ReadEssay> essays) {
        assertThat(essays).hasSize(1);
        return essays.get(0);
    }
}
