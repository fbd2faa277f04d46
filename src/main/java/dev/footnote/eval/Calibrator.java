package dev.footnote.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import jakarta.inject.Singleton;

import dev.footnote.chat.AnswerPipeline;
import dev.footnote.chat.ChatService;
import dev.footnote.evidence.EvidenceFeatures;
import dev.footnote.evidence.EvidenceFinder;
import dev.footnote.evidence.EvidenceModel;
import dev.footnote.evidence.Logistic;
import dev.footnote.evidence.SentenceCandidate;
import dev.footnote.search.PassageHit;

/**
 * Fits the evidence models on a question set (never a holdout), on the similarities of the reader the served
 * evidence model names, each question read as the chat searches it (a follow-up after the question it follows,
 * see {@link Conversation}):
 * <ol>
 *   <li>the <b>sentence model</b>, on every sentence of the passages chat retrieves for each question,
 *   labelled by whether it holds the question's evidence (sentences of unanswerable questions hold none);</li>
 *   <li>the <b>answerability model</b>, on question features computed with sentence models fitted without
 *   that question (cross-fitting in {@value #FOLDS} folds), labelled answerable or not;</li>
 *   <li>the <b>refusal threshold</b>: the highest that declines at most the target share of answerable
 *   questions, counted on answerability probabilities from models fitted without them.</li>
 * </ol>
 */
@Singleton
public class Calibrator {

    static final int FOLDS = 5;
    static final double L2 = 1.0;
    private static final long SEED = 20261123L;

    private final ChatService chat;
    private final AnswerPipeline pipeline;
    private final EvidenceFinder served;

    public Calibrator(ChatService chat, AnswerPipeline pipeline, EvidenceFinder served) {
        this.chat = chat;
        this.pipeline = pipeline;
        this.served = served;
    }

    /** One question with the sentences of its passages and their labels. */
    private record Example(EvalQuestion question, String searched, List<PassageHit> passages,
            List<SentenceCandidate> sentences, List<Boolean> labels, int fold) {
    }

    /**
     * Questions to fit on, and who reads their sentences: the served reader, or (cross-fitting) a reader retrained
     * without these questions, so that their similarities are those of questions the reader never saw.
     */
    public record QuestionSet(List<EvalQuestion> questions, Optional<EvidenceFinder> reader) {

        public static QuestionSet read(List<EvalQuestion> questions) {
            return new QuestionSet(questions, Optional.empty());
        }
    }

    /** The fitted model and what it reached on the questions it was fitted on, out of fold. */
    public record Result(EvidenceModel model, String report) {
    }

    public Result calibrate(List<QuestionSet> sets, double targetFalseRefusals, String fittedOn) {
        List<EvalQuestion> questions = new ArrayList<>();
        List<EvidenceFinder> readers = new ArrayList<>();
        for (QuestionSet set : sets) {
            questions.addAll(set.questions());
            set.questions().forEach(q -> readers.add(set.reader().orElse(served)));
        }
        List<Example> examples = new ArrayList<>();
        int[] folds = shuffledFolds(questions.size());
        int unretrievedAnswerable = 0;
        Conversation conversation = new Conversation(chat, questions);
        for (int i = 0; i < questions.size(); i++) {
            EvalQuestion question = questions.get(i);
            String searched = conversation.searched(question);
            List<PassageHit> passages = pipeline.contextAlone(searched);
            List<SentenceCandidate> sentences = passages.isEmpty() ? List.of()
                    : readers.get(i).candidates(searched, passages);
            if (sentences.isEmpty()) {
                unretrievedAnswerable += question.answerable() ? 1 : 0;
                continue;
            }
            EvidenceMatcher evidence = new EvidenceMatcher(question.evidences());
            List<Boolean> labels = sentences.stream()
                    .map(s -> question.answerable() && evidence.hits(s.text())).toList();
            examples.add(new Example(question, searched, passages, sentences, labels, folds[i]));
        }
        Logistic sentence = fitSentences(examples, -1);
        List<double[]> outOfFold = new ArrayList<>();
        List<SentenceCandidate> bestOutOfFold = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            Logistic foldModel = fitSentences(examples, fold);
            for (Example e : examples) {
                if (e.fold == fold) {
                    List<SentenceCandidate> scored = scored(e.sentences, foldModel);
                    outOfFold.add(EvidenceFeatures.question(e.searched, e.passages, scored, foldModel));
                    bestOutOfFold.add(scored.get(0));
                }
            }
        }
        List<Example> ordered = IntStream.range(0, FOLDS).boxed()
                .flatMap(f -> examples.stream().filter(e -> e.fold == f)).toList();
        List<Boolean> answerable = ordered.stream().map(e -> e.question.answerable()).toList();
        Logistic answerability = Logistic.fit(EvidenceFeatures.QUESTION, outOfFold, answerable, L2, true);
        double[] probability = outOfFoldAnswerability(ordered, outOfFold, answerable);
        int answerableCount = (int) questions.stream().filter(EvalQuestion::answerable).count();
        int allowed = Math.max(0, (int) Math.floor(targetFalseRefusals * answerableCount) - unretrievedAnswerable);
        double[] answerableProbabilities = IntStream.range(0, ordered.size()).filter(answerable::get)
                .mapToDouble(i -> probability[i]).sorted().toArray();
        double threshold = answerableProbabilities.length == 0 ? 0
                : allowed >= answerableProbabilities.length ? 1 : answerableProbabilities[allowed];
        EvidenceModel model = new EvidenceModel(sentence, answerability, threshold, targetFalseRefusals, fittedOn,
                served.model().reader());
        return new Result(model, report(ordered, bestOutOfFold, probability, threshold, unretrievedAnswerable));
    }

    private Logistic fitSentences(List<Example> examples, int leaveOut) {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (Example e : examples) {
            if (e.fold != leaveOut) {
                e.sentences.forEach(s -> x.add(s.features()));
                y.addAll(e.labels);
            }
        }
        return Logistic.fit(EvidenceFeatures.SENTENCE, x, y, L2, true);
    }

    private double[] outOfFoldAnswerability(List<Example> ordered, List<double[]> features, List<Boolean> labels) {
        double[] probability = new double[ordered.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<double[]> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).fold != fold) {
                    x.add(features.get(i));
                    y.add(labels.get(i));
                }
            }
            Logistic model = Logistic.fit(EvidenceFeatures.QUESTION, x, y, L2, true);
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).fold == fold) {
                    probability[i] = model.probability(features.get(i));
                }
            }
        }
        return probability;
    }

    private static List<SentenceCandidate> scored(List<SentenceCandidate> sentences, Logistic model) {
        return sentences.stream().map(s -> new SentenceCandidate(s.passage(), s.ordinal(), s.span(), s.text(),
                s.features(), model.probability(s.features())))
                .sorted(Comparator.comparingDouble(SentenceCandidate::probability).reversed()).toList();
    }

    private static int[] shuffledFolds(int n) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        java.util.Collections.shuffle(order, new java.util.Random(SEED));
        int[] folds = new int[n];
        for (int i = 0; i < n; i++) {
            folds[order.get(i)] = i % FOLDS;
        }
        return folds;
    }

    private static String report(List<Example> ordered, List<SentenceCandidate> best, double[] probability,
            double threshold, int unretrievedAnswerable) {
        int answerable = 0;
        int bestHolds = 0;
        int declinedAnswerable = 0;
        int none = 0;
        int declinedNone = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Example e = ordered.get(i);
            boolean declined = probability[i] < threshold;
            if (e.question.answerable()) {
                answerable++;
                declinedAnswerable += declined ? 1 : 0;
                bestHolds += e.labels.get(e.sentences.indexOf(original(e, best.get(i)))) ? 1 : 0;
            } else {
                none++;
                declinedNone += declined ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "fitted on %d questions with retrieved passages (%d answerable, %d not); "
                + "out of fold: best sentence holds the evidence for %d of %d answerable; threshold %.3f declines "
                + "%d of %d answerable (plus %d with nothing relevant retrieved) and %d of %d not answerable",
                ordered.size(), answerable, none, bestHolds, answerable, threshold, declinedAnswerable, answerable,
                unretrievedAnswerable, declinedNone, none);
    }

    private static SentenceCandidate original(Example e, SentenceCandidate scored) {
        return e.sentences.stream().filter(s -> s.passage() == scored.passage() && s.ordinal() == scored.ordinal())
                .findFirst().orElseThrow();
    }
}
