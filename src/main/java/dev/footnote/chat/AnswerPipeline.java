package dev.footnote.chat;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.evidence.Evidence;
import dev.footnote.evidence.EvidenceReader;
import dev.footnote.language.LanguageCheck;
import dev.footnote.search.OverlapMerger;
import dev.footnote.search.PassageHit;
import dev.footnote.search.RelevanceGate;

/**
 * The path of one question, stage by stage; each stage is a bean, swappable on its own:
 * <ol>
 *   <li>{@link LanguageCheck}: a question in another language is asked to be put in English;</li>
 *   <li>{@link QueryResolver}: the follow-up made standalone, and whose essays it is about;</li>
 *   <li>{@link PassageRetriever}: the {@code k} best passages;</li>
 *   <li>{@link RelevanceGate}: only relevant passages go on, overlapping ones joined into one;</li>
 *   <li>{@link EvidenceReader}: the sentences that state the answer, or a refusal when none does;</li>
 *   <li>{@link Answerer}: the draft, citing the passages as {@code [n]};</li>
 *   <li>{@link CitationChecker}: each claim checked against the passage it cites, and the citations numbered.</li>
 * </ol>
 * A question not in English, with nothing relevant, or without the answer stated is declined before any model
 * is called. No citation is ever made from model text: markers are checked against what was retrieved, and
 * quotes are cut from the passages.
 */
@ApplicationScoped
public class AnswerPipeline {

    static final String UNCHECKED = "The model's answer could not be checked against the essays: none of its "
            + "sentences is supported by the passages it was given, so it is not shown.";
    static final String UNCHECKED_PREFIX = "Unchecked (no sentence is supported by the essays): ";
    static final String NOT_COVERED = "The essays don't cover this: none of their passages answers the question.";
    static final String ENGLISH_ONLY = "The essays are in English, and questions are read in English. This question "
            + "seems to be in another language: please ask it in English.";

    private final QueryResolver resolver;
    private final PassageRetriever retriever;
    private final RelevanceGate gate;
    private final EvidenceReader evidence;
    private final Answerer answerer;
    private final CitationChecker checker;
    private final LanguageCheck language;
    private final int defaultK;
    private final boolean showUnchecked;

    @Inject
    AnswerPipeline(QueryResolver resolver, PassageRetriever retriever, RelevanceGate gate, EvidenceReader evidence,
            Answerer answerer, CitationChecker checker, LanguageCheck language, FootnoteConfig config) {
        this(resolver, retriever, gate, evidence, answerer, checker, language, config.chat().k(),
                config.chat().showUnchecked());
    }

    AnswerPipeline(QueryResolver resolver, PassageRetriever retriever, RelevanceGate gate, EvidenceReader evidence,
            Answerer answerer, CitationChecker checker, LanguageCheck language, int defaultK,
            boolean showUnchecked) {
        this.resolver = resolver;
        this.retriever = retriever;
        this.gate = gate;
        this.evidence = evidence;
        this.answerer = answerer;
        this.checker = checker;
        this.language = language;
        this.defaultK = defaultK;
        this.showUnchecked = showUnchecked;
    }

    /** {@code extractive}, {@code openai} or {@code ollama}. */
    public String provider() {
        return answerer.provider();
    }

    /** Answers a question on its own: no conversation before it. */
    public Trace run(String question) {
        return run(question, List.of(), Optional.empty(), null);
    }

    /**
     * Answers {@code question} after {@code history}, with {@code k} passages (default {@code footnote.chat.k});
     * {@code listener} hears the passages and the answer as they come ({@code null}: nothing is streamed).
     */
    Trace run(String question, List<Turn> history, Optional<Integer> k, ChatListener listener) {
        if (language.isOtherLanguage(question)) {
            // the essays may well cover it, but matched as English words it would find nothing or little
            return declined(question, ResolvedQuestion.asWritten(question), List.of(), Evidence.NONE,
                    Outcome.OTHER_LANGUAGE, listener == null ? null : new CitationsFirst(listener, List.of()));
        }
        ResolvedQuestion resolved = resolver.resolve(question, history);
        List<PassageHit> passages = context(resolved, k);
        CitationsFirst stream = listener == null ? null : new CitationsFirst(listener, passages);
        Evidence found = passages.isEmpty() ? Evidence.NONE : evidence.find(resolved.text(), passages);
        if (found.declined()) {
            return declined(question, resolved, passages, found, Outcome.NOT_COVERED, stream);
        }
        Optional<String> draft = answerer.answer(resolved.text(), passages, found, stream);
        if (draft.isEmpty()) {
            return declined(question, resolved, passages, found, Outcome.NOT_COVERED, stream);
        }
        CitationChecker.Checked checked = checker.check(draft.get(), passages);
        if (checked.citations().isEmpty()) {
            // not one sentence of the draft stands on a passage: it may be the model's own invention
            return new Trace(question, resolved, passages, found, draft, Outcome.UNCHECKED,
                    showUnchecked ? UNCHECKED_PREFIX + checked.answer() : UNCHECKED, List.of(),
                    showUnchecked ? checked.unsupported() : List.of(), provider());
        }
        return new Trace(question, resolved, passages, found, draft, Outcome.ANSWERED, checked.answer(),
                checked.citations(), checked.unsupported(), provider());
    }

    /**
     * Whether the essays answer a question on its own: relevant passages are found and the evidence reader finds
     * the answer stated in them. No model server is called.
     */
    public boolean covers(String question) {
        ResolvedQuestion resolved = resolver.resolve(question, List.of());
        List<PassageHit> passages = context(resolved, Optional.empty());
        return !passages.isEmpty() && !evidence.find(resolved.text(), passages).declined();
    }

    /** The passages the answerer would receive for a question on its own. */
    public List<PassageHit> contextAlone(String question) {
        return context(resolver.resolve(question, List.of()), Optional.empty());
    }

    /** Retrieval, then the relevance gate, then overlapping passages joined: what an answerer may cite. */
    List<PassageHit> context(ResolvedQuestion question, Optional<Integer> k) {
        return OverlapMerger.merged(gate.admit(retriever.retrieve(question, k.orElse(defaultK))));
    }

    /** A question with no answer: the refusal is streamed in place of one. */
    private Trace declined(String question, ResolvedQuestion resolved, List<PassageHit> passages, Evidence found,
            Outcome outcome, CitationsFirst stream) {
        String refusal = outcome == Outcome.OTHER_LANGUAGE ? ENGLISH_ONLY : NOT_COVERED;
        if (stream != null) {
            stream.decline(refusal);
        }
        return new Trace(question, resolved, passages, found, Optional.empty(), outcome, refusal, List.of(),
                List.of(), provider());
    }
}
