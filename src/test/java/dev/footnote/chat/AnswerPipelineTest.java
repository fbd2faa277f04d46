package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.footnote.evidence.Evidence;
import dev.footnote.evidence.EvidenceReader;
import dev.footnote.index.EssayRecord;
import dev.footnote.search.MinScoreGate;
import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;

/** The pipeline's wiring, stage by stage, with every stage a fake: which stage runs, with what, and what the trace keeps. */
class AnswerPipelineTest {

    private static final PassageHit RELEVANT = passage("feed.txt", "A starter needs flour and water. Feed it daily.", 0.8);
    private static final PassageHit IRRELEVANT = passage("moons.txt", "Jupiter has many moons.", 0.1);
    private static final Evidence FOUND = new Evidence(List.of(), 0.9, false);

    private final List<String> calls = new ArrayList<>();
    private List<PassageHit> retrieved = List.of(RELEVANT, IRRELEVANT);
    private Evidence evidence = FOUND;
    private String draft = "A starter needs flour and water [1].";
    private boolean otherLanguage;
    private boolean supported = true;

    @Test
    void should_run_every_stage_in_order_and_keep_what_each_made() {
        Trace trace = pipeline(false).run("and what does it need?");

        assertThat(calls).containsExactly("resolve", "retrieve standalone question k=5",
                "read standalone question in 1 passages", "answer standalone question", "judge 1 claims");
        assertThat(trace.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(trace.question()).isEqualTo("and what does it need?");
        assertThat(trace.resolved().text()).isEqualTo("standalone question");
        assertThat(trace.passages()).containsExactly(RELEVANT);
        assertThat(trace.evidence()).isSameAs(FOUND);
        assertThat(trace.draft()).contains(draft);
        assertThat(trace.answer()).isEqualTo(draft);
        assertThat(trace.citations()).singleElement().satisfies(c -> {
            assertThat(c.rank()).isEqualTo(1);
            assertThat(c.quote()).isEqualTo("A starter needs flour and water.");
        });
        assertThat(trace.toAnswer("c1").grounded()).isTrue();
        assertThat(trace.toAnswer("c1").question()).isEqualTo("standalone question");
    }

    @Test
    void should_decline_without_reading_or_answering_when_the_gate_admits_nothing() {
        retrieved = List.of(IRRELEVANT);

        Trace trace = pipeline(false).run("question");

        assertThat(trace.outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(trace.answer()).isEqualTo(AnswerPipeline.NOT_COVERED);
        assertThat(trace.passages()).isEmpty();
        assertThat(trace.evidence()).isEqualTo(Evidence.NONE);
        assertThat(trace.draft()).isEmpty();
        assertThat(calls).containsExactly("resolve", "retrieve standalone question k=5");
    }

    @Test
    void should_decline_without_answering_when_the_evidence_reader_finds_nothing_stated() {
        evidence = new Evidence(List.of(), 0.1, true);

        Trace trace = pipeline(false).run("question");

        assertThat(trace.outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(trace.evidence()).isSameAs(evidence);
        assertThat(trace.passages()).containsExactly(RELEVANT);
        assertThat(calls).doesNotContain("answer standalone question");
    }

    @Test
    void should_decline_a_question_in_another_language_before_any_search() {
        otherLanguage = true;

        Trace trace = pipeline(false).run("Was braucht ein Sauerteig?");

        assertThat(trace.outcome()).isEqualTo(Outcome.OTHER_LANGUAGE);
        assertThat(trace.answer()).isEqualTo(AnswerPipeline.ENGLISH_ONLY);
        assertThat(trace.resolved().text()).isEqualTo("Was braucht ein Sauerteig?");
        assertThat(calls).isEmpty();
    }

    @Test
    void should_withhold_a_draft_no_passage_supports_unless_asked_to_show_it() {
        supported = false;

        Trace withheld = pipeline(false).run("question");
        Trace shown = pipeline(true).run("question");

        assertThat(withheld.outcome()).isEqualTo(Outcome.UNCHECKED);
        assertThat(withheld.answer()).isEqualTo(AnswerPipeline.UNCHECKED);
        assertThat(withheld.citations()).isEmpty();
        assertThat(withheld.unsupported()).isEmpty();
        assertThat(shown.outcome()).isEqualTo(Outcome.UNCHECKED);
        assertThat(shown.answer()).isEqualTo(AnswerPipeline.UNCHECKED_PREFIX + "A starter needs flour and water.");
        assertThat(shown.unsupported()).containsExactly("A starter needs flour and water.");
        assertThat(shown.toAnswer(null).grounded()).isFalse();
    }

    @Test
    void should_stream_the_passages_just_before_the_first_token_and_none_before_a_refusal() {
        List<String> heard = new ArrayList<>();
        ChatListener listener = new ChatListener() {
            @Override
            public void citations(List<Citation> candidates) {
                heard.add("passages " + candidates.size());
            }

            @Override
            public void token(String text) {
                heard.add(text);
            }
        };
        pipeline(false).run("question", List.of(), Optional.empty(), listener);
        assertThat(heard).containsExactly("passages 1", draft);

        heard.clear();
        retrieved = List.of(IRRELEVANT);
        pipeline(false).run("question", List.of(), Optional.of(3), listener);
        assertThat(heard).containsExactly("passages 0", AnswerPipeline.NOT_COVERED);
        assertThat(calls).contains("retrieve standalone question k=3");
    }

    private AnswerPipeline pipeline(boolean showUnchecked) {
        QueryResolver resolver = new QueryResolver() {
            @Override
            public ResolvedQuestion resolve(String question, List<Turn> history) {
                calls.add("resolve");
                return ResolvedQuestion.asWritten("standalone question");
            }

            @Override
            public ResolvedQuestion byRules(String question, List<Turn> history) {
                return ResolvedQuestion.asWritten(question);
            }
        };
        PassageRetriever retriever = (question, k) -> {
            calls.add("retrieve " + question.text() + " k=" + k);
            return retrieved;
        };
        EvidenceReader reader = (question, passages) -> {
            calls.add("read " + question + " in " + passages.size() + " passages");
            return evidence;
        };
        Answerer answerer = new Answerer() {
            @Override
            public String provider() {
                return "fake";
            }

            @Override
            public Optional<String> answer(String question, List<PassageHit> passages, Evidence found,
                    TokenSink tokens) {
                calls.add("answer " + question);
                if (tokens != null) {
                    tokens.accept(draft);
                }
                return Optional.of(draft);
            }
        };
        SupportJudge judge = (text, passages, sentences) -> {
            calls.add("judge " + text.claims().size() + " claims");
            return new SupportJudge.Support(supported ? Map.of(new SupportJudge.Cite(0, 1), 0) : Map.of());
        };
        return new AnswerPipeline(resolver, retriever, new MinScoreGate(0.5), reader, answerer,
                new CitationChecker(judge), question -> otherLanguage, 5, showUnchecked);
    }

    private static PassageHit passage(String source, String text, double score) {
        EssayRecord essay = new EssayRecord(source, "Title", false, "Author", null, null, List.of(source), source, 0,
                1, "0f".repeat(32));
        return new PassageHit(UUID.randomUUID(), score, score, score, text, source, 0, text.length(),
                new Span(0, text.length()), essay);
    }
}
