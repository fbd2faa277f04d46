package dev.footnote.corpus;

import static dev.footnote.TestCorpus.CATEGORY;
import static dev.footnote.TestCorpus.CONCATENATION;
import static dev.footnote.TestCorpus.FEED_1;
import static dev.footnote.TestCorpus.FEED_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.footnote.TestCorpus;

class CorpusReaderTest {

    private static Corpus corpus;
    private static Map<String, Essay> byTitle;

    @BeforeAll
    static void readShippedCorpus() {
        corpus = new CorpusReader().read(TestCorpus.SHIPPED);
        byTitle = corpus.essays().stream().collect(Collectors.toMap(Essay::title, Function.identity()));
    }

    @Test
    void should_read_every_post_of_each_layout() {
        // given the shipped corpus: two feed pages of 20 posts, a category page of 4, an untitled concatenation
        // then
        assertThat(essaysFrom(FEED_1)).hasSize(20);
        assertThat(essaysFrom(FEED_2)).hasSize(20);
        assertThat(essaysFrom(CATEGORY)).hasSize(4);
        assertThat(essaysFrom(CONCATENATION)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(corpus.skipped()).isEmpty();
    }

    @Test
    void should_read_titles_authors_and_dates_from_bylines() {
        assertThat(byTitle.get("Endless AI-generated Wikipedia"))
                .returns("Sean Goedecke", Essay::author)
                .returns("1 months ago", Essay::date)
                .returns(false, Essay::titleDerived);
        assertThat(byTitle.get("First look at the DGX Spark")).returns("Xe Iaso", Essay::author)
                .returns("Yesterday", Essay::date);
        assertThat(byTitle.get("90%")).returns("Armin Ronacher", Essay::author);
        assertThat(byTitle.get("How a String Library Beat OpenCV at Image Processing by 4x"))
                .returns("Ash's Blog", Essay::author);
        assertThat(byTitle.get("Engineering Culture at Meta")).returns(null, Essay::author);
    }

    @Test
    void should_leave_the_author_null_where_the_byline_is_missing() {
        // the post after "First look at the DGX Spark" (by Xe Iaso) has a blank line instead of a byline
        Essay jit = byTitle.get("JIT: so you want to be faster than an interpreter on modern CPUs…");
        assertThat(jit.author()).isNull();
        assertThat(jit.date()).isNull();
        assertThat(byTitle.get("The RAG Obituary: Killed by Agents, Buried by Context Windows").author()).isNull();
    }

    @Test
    void should_merge_identical_posts_from_both_feeds() {
        for (String title : List.of("GPT-5-Codex is a better AI researcher than me",
                "How I influence tech company politics as a staff software engineer",
                "What is \"good taste\" in software engineering?")) {
            assertThat(corpus.essays()).filteredOn(e -> e.title().equals(title)).singleElement()
                    .extracting(Essay::sources).asList().containsExactly(FEED_1, FEED_2);
        }
    }

    @Test
    void should_merge_near_identical_copies_in_the_concatenation_and_the_category_page() {
        for (String title : List.of("You can just do things, but you don’t have to", "Values in AI")) {
            Essay essay = byTitle.get(title);
            assertThat(essay.sources()).containsExactly(CATEGORY, CONCATENATION);
            assertThat(essay.titleDerived()).isFalse();
        }
        assertThat(corpus.essays()).filteredOn(e -> e.body().bodyText().contains("Some technologies are obligate"))
                .hasSize(1);
    }

    @Test
    void should_mark_titles_of_untitled_essays_as_derived() {
        List<Essay> untitled = corpus.essays().stream()
                .filter(e -> e.source().equals(CONCATENATION)).toList();
        assertThat(untitled).isNotEmpty().allSatisfy(essay -> {
            assertThat(essay.titleDerived()).isTrue();
            assertThat(essay.author()).isNull();
        });
        assertThat(untitled.get(0).title()).startsWith("If you want to see what a very");
    }

    @Test
    void should_split_the_concatenation_after_footnote_blocks_only() {
        Essay first = corpus.essays().stream().filter(e -> e.source().equals(CONCATENATION)).findFirst().orElseThrow();
        String body = first.body().bodyText();
        assertThat(body).startsWith("If you want to see what a very painful couple of months")
                .contains("Loss exploded.\nDoesn’t learn.")
                .endsWith("AI researcher drama is literally as old as AI. ↩︎");
    }

    @Test
    void should_keep_furniture_out_of_essay_bodies() {
        for (Essay essay : corpus.essays()) {
            String body = essay.body().bodyText();
            assertThat(body).doesNotContainPattern("(?m)^\\d+ views$");
            assertThat(body).doesNotContain("Latest Posts (20 found)", "Posts in Python (20 found)",
                    "Category: Psychology");
            if (essay.author() != null && essay.date() != null) {
                assertThat(body).doesNotContain(essay.author() + " " + essay.date());
            }
        }
    }

    @Test
    void should_derive_ids_from_content_not_file_order(@TempDir Path folder) throws IOException {
        // given the category page alone, under another name
        Files.writeString(folder.resolve("zzz_category.txt"), TestCorpus.read(CATEGORY));
        // when
        Corpus alone = new CorpusReader().read(folder);
        // then its essays keep their ids
        assertThat(alone.essays()).extracting(Essay::id)
                .containsExactlyElementsOf(essaysFrom(CATEGORY).stream().map(Essay::id).toList());
    }

    @Test
    void should_skip_unreadable_files_with_a_warning_and_read_the_rest(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("good.txt"), TestCorpus.read(CATEGORY));
        Files.write(folder.resolve("binary.bin"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x1f});
        Files.write(folder.resolve("latin1.txt"), "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        Corpus mixed = new CorpusReader().read(folder);
        assertThat(mixed.essays()).hasSize(4);
        assertThat(mixed.skipped()).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("binary.bin:"))
                .anySatisfy(s -> assertThat(s).startsWith("latin1.txt:").contains("UTF-8"));
    }

    @Test
    void should_skip_symbolic_links_with_a_warning(@TempDir Path folder, @TempDir Path outside) throws IOException {
        Files.writeString(folder.resolve("good.txt"), TestCorpus.read(CATEGORY));
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(folder.resolve("passwd.txt"), secret);
        Files.createSymbolicLink(folder.resolve("again.txt"), folder.resolve("good.txt"));

        Corpus read = new CorpusReader().read(folder);

        assertThat(read.essays()).hasSize(4).allSatisfy(essay -> assertThat(essay.sources()).containsOnly("good.txt"));
        assertThat(read.skipped()).containsExactly(
                "again.txt: a symbolic link; Footnote reads only files in the corpus folder itself",
                "passwd.txt: a symbolic link; Footnote reads only files in the corpus folder itself");
        assertThat(new CorpusReader().digests(folder)).containsOnlyKeys("good.txt");
        assertThat(CorpusReader.readText(folder.resolve("passwd.txt"))).isEmpty();
        assertThat(CorpusReader.readText(folder.resolve("good.txt"))).isPresent();
    }

    @Test
    void should_refuse_a_missing_folder() {
        assertThatThrownBy(() -> new CorpusReader().read(Path.of("no/such/folder")))
                .isInstanceOf(CorpusException.class).hasMessageContaining("no/such/folder");
    }

    private static List<Essay> essaysFrom(String source) {
        return corpus.essays().stream().filter(e -> e.sources().contains(source)).toList();
    }
}
