package dev.footnote.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.footnote.ModelTests;
import dev.footnote.TestCorpus;
import dev.footnote.corpus.Corpus;
import dev.footnote.corpus.CorpusReader;
import dev.footnote.corpus.Essay;
import dev.footnote.embedding.OnnxEncoder;
import dev.footnote.text.Text;

@Tag(ModelTests.TAG)
class PassageCutterTest {

    private final OnnxEncoder encoder = ModelTests.encoder();

    private final PassageSettings settings = ModelTests.passageSettings();

    private Corpus corpus;
    private Map<String, List<Passage>> passages;

    @BeforeEach
    void cutShippedCorpus() {
        corpus = new CorpusReader().read(TestCorpus.SHIPPED);
        passages = new PassageCutter(encoder, encoder.maxTextTokens(), settings).cut(corpus.essays());
    }

    @Test
    void should_give_every_passage_an_exact_span_into_its_source_file() {
        int checked = 0;
        for (Essay essay : corpus.essays()) {
            String fileText = TestCorpus.read(essay.source());
            for (Passage passage : passages.get(essay.id())) {
                assertThat(passage.source()).isEqualTo(essay.source());
                assertThat(fileText.substring(passage.span().start(), passage.span().end())).isEqualTo(passage.text());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(250);
    }

    @Test
    void should_keep_every_embedded_window_within_the_model_input() {
        allPassages().forEach(passage -> passage.windows().forEach(window -> {
            assertThat(window.tokens()).isLessThanOrEqualTo(encoder.maxTextTokens());
            assertThat(encoder.estimateTokenCountInText(window.embeddingText())).isEqualTo(window.tokens());
        }));
    }

    @Test
    void should_embed_every_sentence_of_a_passage_in_some_window() {
        for (Essay essay : corpus.essays()) {
            String fileText = TestCorpus.read(essay.source());
            for (Passage passage : passages.get(essay.id())) {
                List<Passage.Window> windows = passage.windows();
                assertThat(windows).isNotEmpty();
                assertThat(windows.get(0).span().start()).isEqualTo(passage.span().start());
                assertThat(windows.get(windows.size() - 1).span().end()).isEqualTo(passage.span().end());
                for (int i = 0; i < windows.size(); i++) {
                    Passage.Window window = windows.get(i);
                    assertThat(window.embeddingText()).endsWith(window.span().of(fileText));
                    if (i > 0) {
                        // consecutive windows touch or share a sentence: no sentence is left out between them
                        assertThat(window.span().start()).isGreaterThan(windows.get(i - 1).span().start())
                                .isLessThanOrEqualTo(nextNonSpace(fileText, windows.get(i - 1).span().end()));
                    }
                }
                assertThat(passage.searchText()).endsWith(passage.text());
            }
        }
    }

    private static int nextNonSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    @Test
    void should_put_the_essay_title_in_front_of_what_is_embedded() {
        Essay wiki = essay("Endless AI-generated Wikipedia");
        assertThat(passages.get(wiki.id())).allSatisfy(
                p -> assertThat(p.windows()).allSatisfy(
                        w -> assertThat(w.embeddingText()).startsWith("Endless AI-generated Wikipedia.\n")));
    }

    @Test
    void should_cut_at_sentence_boundaries() {
        // a feed body is one long line: every passage of it must start a sentence and end one
        Essay essay = essay("Is it worrying that 95% of AI enterprise projects fail?");
        for (Passage passage : passages.get(essay.id())) {
            assertThat(passage.text()).matches("(?s)^[\\p{Lu}\\p{N}“\"'(‘\\[].*");
            assertThat(passage.text()).matches("(?s).*[.!?…:”\"’)\\]↩︎\\d]$");
        }
    }

    @Test
    void should_keep_passages_large_enough_to_carry_context() {
        List<Passage> all = allPassages();
        double meanWords = all.stream().mapToInt(p -> Text.words(p.text()).size()).average().orElse(0);
        assertThat(meanWords).isGreaterThan(50);
        assertThat(all).filteredOn(p -> Text.words(p.text()).size() < 3).isEmpty();
    }

    @Test
    void should_never_include_feed_furniture() {
        allPassages().forEach(passage -> {
            assertThat(passage.text()).doesNotContainPattern("(?m)^\\d+ views$");
            assertThat(passage.text()).doesNotContainPattern("\\b(Sean Goedecke|Simon Willison|Justin Duke) "
                    + "(\\d+ (day|week|month)s? ago|Yesterday)");
        });
    }

    @Test
    void should_leave_out_repeated_boilerplate_and_repeated_sentences() {
        assertThat(allPassages()).filteredOn(p -> p.text().contains("You are only seeing the long-form articles"))
                .isEmpty();
        // the children's story quoted in the GPT-5-Codex essay appears twice in its body: index it once
        Essay codex = essay("GPT-5-Codex is a better AI researcher than me");
        assertThat(passages.get(codex.id())).filteredOn(p -> p.text().contains("Ben loved to play with his friends"))
                .hasSize(1);
    }

    @Test
    void should_cut_identically_twice() {
        var again = new PassageCutter(encoder, encoder.maxTextTokens(), settings).cut(corpus.essays());
        assertThat(again).isEqualTo(passages);
    }

    private Essay essay(String title) {
        return corpus.essays().stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
    }

    private List<Passage> allPassages() {
        return passages.values().stream().flatMap(List::stream).toList();
    }
}
