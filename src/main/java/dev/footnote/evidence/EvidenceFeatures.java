package dev.footnote.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.footnote.search.PassageHit;
import dev.footnote.text.Sentences;
import dev.footnote.text.Span;
import dev.footnote.text.Text;

/**
 * The measured features behind the evidence models: per sentence of the retrieved passages, and per
 * question. Nothing here decides; {@link EvidenceModel} weighs the features as fitted on the tune questions.
 */
public final class EvidenceFeatures {

    /** Features of a sentence, in order. */
    public static final List<String> SENTENCE = List.of(
            "similarity",            // cosine similarity of question and sentence
            "similarity_gap",        // its similarity minus the best among all sentences
            "neighbour_similarity",  // the better similarity of the sentences just before and after it
            "keywords",              // weighted share of the question's words in the sentence
            "keywords_gap",          // that share minus the best among all sentences
            "keywords_context",      // the share in the sentence with its neighbours
            "passage_score",         // relevance of its passage
            "passage_rank",          // 1 / rank of its passage
            "form_stated",           // the question asks for a checkable form (a number, a date...) and it holds one
            "form_missing",          // the question asks for a checkable form and it holds none
            "length");               // log of its word count

    private static final int SIMILARITY = SENTENCE.indexOf("similarity");
    private static final int KEYWORDS = SENTENCE.indexOf("keywords");
    private static final int FORM_STATED = SENTENCE.indexOf("form_stated");

    /** Features of a question against its passages, in order. */
    public static final List<String> QUESTION = List.of(
            "best_sentence",         // the sentence model's highest logit
            "best_similarity",       // the highest sentence similarity
            "best_keywords",         // the highest sentence keyword share
            "top_score",             // relevance of the best passage
            "top_similarity",        // embedding similarity of the best passage
            "top_keywords",          // keyword share of the best passage
            "form_checkable",        // the question asks for a checkable form
            "form_stated");          // ... and some sentence holds it

    private EvidenceFeatures() {
    }

    /** A sentence of a passage before it is embedded. */
    record Sentence(int passage, int ordinal, Span span, String text) {
    }

    /** The sentences of the passages worth quoting, in passage order. */
    static List<Sentence> quotable(List<PassageHit> passages) {
        List<Sentence> sentences = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            String text = passages.get(p).text();
            int ordinal = 0;
            for (Span span : Sentences.quotable(text)) {
                sentences.add(new Sentence(p, ordinal++, span, span.of(text)));
            }
        }
        return sentences;
    }

    /** The sentence features; {@code similarities} are those of the question with each sentence. */
    static List<double[]> sentences(String question, List<PassageHit> passages, List<Sentence> sentences,
            double[] similarities) {
        ExpectedAnswer expected = ExpectedAnswer.of(question);
        QuestionTerms terms = new QuestionTerms(question, sentences.stream().map(Sentence::text).toList());
        double[] keywords = new double[sentences.size()];
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        double bestKeywords = 0;
        for (int i = 0; i < sentences.size(); i++) {
            keywords[i] = terms.coverage(sentences.get(i).text());
            bestSimilarity = Math.max(bestSimilarity, similarities[i]);
            bestKeywords = Math.max(bestKeywords, keywords[i]);
        }
        List<double[]> features = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            PassageHit passage = passages.get(s.passage());
            boolean before = i > 0 && sentences.get(i - 1).passage() == s.passage();
            boolean after = i + 1 < sentences.size() && sentences.get(i + 1).passage() == s.passage();
            double neighbour = Math.max(before ? similarities[i - 1] : 0, after ? similarities[i + 1] : 0);
            String withNeighbours = (before ? sentences.get(i - 1).text() + " " : "") + s.text()
                    + (after ? " " + sentences.get(i + 1).text() : "");
            String context = String.join("\n", passage.text(), Objects.toString(passage.essay().title(), ""),
                    Objects.toString(passage.essay().author(), ""));
            boolean stated = expected.isCheckable() && expected.isStatedBy(s.text(), context);
            features.add(new double[] {similarities[i], similarities[i] - bestSimilarity, neighbour, keywords[i],
                    keywords[i] - bestKeywords, terms.coverage(withNeighbours), passage.score(),
                    1.0 / (s.passage() + 1), stated ? 1 : 0, expected.isCheckable() && !stated ? 1 : 0,
                    Math.log(1 + Text.words(s.text()).size())});
        }
        return features;
    }

    /**
     * The question features, from the sentences (by descending probability, so the first is the one the
     * sentence model rates best) and the passages (best first).
     */
    public static double[] question(String question, List<PassageHit> passages, List<SentenceCandidate> byProbability,
            Logistic sentenceModel) {
        double bestSimilarity = 0;
        double bestKeywords = 0;
        boolean stated = false;
        for (SentenceCandidate c : byProbability) {
            bestSimilarity = Math.max(bestSimilarity, c.features()[SIMILARITY]);
            bestKeywords = Math.max(bestKeywords, c.features()[KEYWORDS]);
            stated |= c.features()[FORM_STATED] > 0;
        }
        PassageHit top = passages.get(0);
        return new double[] {sentenceModel.logit(byProbability.get(0).features()), bestSimilarity, bestKeywords,
                top.score(), top.similarity(), top.keywords(), ExpectedAnswer.of(question).isCheckable() ? 1 : 0,
                stated ? 1 : 0};
    }
}
