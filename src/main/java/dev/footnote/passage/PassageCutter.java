package dev.footnote.passage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.footnote.corpus.Essay;
import dev.footnote.text.Span;
import dev.footnote.text.Text;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * Cuts every essay of a corpus into passages of whole sentences.
 *
 * <ul>
 *   <li>A passage holds as many consecutive sentences as fit in {@link PassageSettings#maxPassageTokens()}
 *   word pieces.</li>
 *   <li>It is embedded as windows of consecutive sentences within {@link PassageSettings#windowTokens()}, so
 *   that with the essay title in front each stays within the model's input and nothing is silently left out
 *   of an embedding. A passage is as close to a question as its closest window.</li>
 *   <li>Consecutive passages, and consecutive windows, share one short sentence, so that a thought
 *   straddling the cut is found with either neighbour.</li>
 *   <li>A sentence that repeats an earlier one in the same essay (footnotes or bodies scraped twice), or that
 *   appears in several essays (a blog's boilerplate), is left out: passages never contain such repeats and
 *   end where one begins.</li>
 * </ul>
 */
public final class PassageCutter {

    /** Sentences shorter than this are never treated as repeats: "Loss exploded." may be said twice. */
    static final int MIN_REPEAT_WORDS = 6;

    private final TokenCountEstimator tokens;
    private final int maxWindowTokens;
    private final PassageSettings settings;
    private final SentenceSplitter splitter;

    public PassageCutter(TokenCountEstimator tokens, int maxWindowTokens, PassageSettings settings) {
        this.tokens = tokens;
        this.maxWindowTokens = maxWindowTokens;
        this.settings = settings;
        this.splitter = new SentenceSplitter(tokens, settings.windowTokens());
    }

    /** The passages of each essay, by essay id. */
    public Map<String, List<Passage>> cut(List<Essay> essays) {
        Map<String, List<Sentence>> sentences = new HashMap<>();
        for (Essay essay : essays) {
            sentences.put(essay.id(), splitter.split(essay.body().fileText(), essay.body().paragraphs()));
        }
        Set<String> boilerplate = sharedSentences(essays, sentences);
        Map<String, List<Passage>> passages = new HashMap<>();
        for (Essay essay : essays) {
            List<Sentence> marked = markExcluded(essay, sentences.get(essay.id()), boilerplate);
            passages.put(essay.id(), pack(essay, marked));
        }
        return passages;
    }

    private static Set<String> sharedSentences(List<Essay> essays, Map<String, List<Sentence>> sentences) {
        Map<String, String> firstEssay = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Essay essay : essays) {
            for (Sentence sentence : sentences.get(essay.id())) {
                String key = repeatKey(essay, sentence);
                if (key != null && !firstEssay.computeIfAbsent(key, k -> essay.id()).equals(essay.id())) {
                    shared.add(key);
                }
            }
        }
        return shared;
    }

    private static List<Sentence> markExcluded(Essay essay, List<Sentence> sentences, Set<String> boilerplate) {
        Set<String> seen = new HashSet<>();
        List<Sentence> marked = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            String key = repeatKey(essay, sentence);
            boolean repeat = key != null && (boilerplate.contains(key) || !seen.add(key));
            marked.add(repeat ? sentence.excluded() : sentence);
        }
        return marked;
    }

    private static String repeatKey(Essay essay, Sentence sentence) {
        List<String> words = Text.words(sentence.span().of(essay.body().fileText()));
        return words.size() < MIN_REPEAT_WORDS ? null : String.join(" ", words);
    }

    private List<Passage> pack(Essay essay, List<Sentence> sentences) {
        List<Passage> passages = new ArrayList<>();
        int i = 0;
        while (i < sentences.size()) {
            if (!sentences.get(i).indexed()) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < sentences.size() && sentences.get(end).indexed()) {
                end++;
            }
            for (List<Sentence> run : runs(sentences.subList(i, end), settings.maxPassageTokens())) {
                passages.add(passage(essay, passages.size(), run));
            }
            i = end;
        }
        return passages;
    }

    /**
     * Consecutive sentences packed into runs of at most {@code budget} word pieces. Consecutive runs share a
     * short sentence ({@code overlapTokens} or less), so that a thought straddling the cut is found with either.
     */
    private List<List<Sentence>> runs(List<Sentence> sentences, int budget) {
        List<List<Sentence>> runs = new ArrayList<>();
        int i = 0;
        while (i < sentences.size()) {
            int end = i;
            int used = 0;
            while (end < sentences.size() && (end == i || used + sentences.get(end).tokens() <= budget)) {
                used += sentences.get(end).tokens();
                end++;
            }
            runs.add(sentences.subList(i, end));
            boolean overlap = end - i >= 2 && end < sentences.size()
                    && sentences.get(end - 1).tokens() <= settings.overlapTokens()
                    && sentences.get(end - 1).tokens() + sentences.get(end).tokens() <= budget;
            i = overlap ? end - 1 : end;
        }
        return runs;
    }

    private Passage passage(Essay essay, int ordinal, List<Sentence> sentences) {
        String fileText = essay.body().fileText();
        Span span = new Span(sentences.get(0).span().start(), sentences.get(sentences.size() - 1).span().end());
        String text = span.of(fileText);
        int textTokens = sentences.stream().mapToInt(Sentence::tokens).sum();
        List<Passage.Window> windows = new ArrayList<>();
        for (List<Sentence> run : runs(sentences, settings.windowTokens())) {
            windows.add(window(essay, run));
        }
        String title = essay.titleDerived() ? "" : essay.title().strip() + ".\n";
        return new Passage(ordinal, essay.source(), span, essay.body().sourceSpan(span), text, title + text,
                textTokens, windows);
    }

    /** The title (as many of its words as fit), then the sentences: within the model's input. */
    private Passage.Window window(Essay essay, List<Sentence> sentences) {
        String fileText = essay.body().fileText();
        Span span = new Span(sentences.get(0).span().start(), sentences.get(sentences.size() - 1).span().end());
        String text = span.of(fileText);
        int textTokens = sentences.stream().mapToInt(Sentence::tokens).sum();
        String[] title = essay.titleDerived() ? new String[0] : essay.title().strip().split("\\s+");
        // Word pieces add up across whitespace, so the window is measured without tokenizing it again:
        // title words, the "." that ends the title, then the sentences.
        for (int words = title.length; words > 0; words--) {
            String prefix = String.join(" ", java.util.Arrays.copyOf(title, words)) + ".";
            int windowTokens = tokens.estimateTokenCountInText(prefix) + textTokens;
            if (windowTokens <= maxWindowTokens) {
                return new Passage.Window(span, prefix + "\n" + text, windowTokens);
            }
        }
        return new Passage.Window(span, text, textTokens);
    }
}
