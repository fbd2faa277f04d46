package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import dev.footnote.chat.Citation.CitedEssay;

class EvalReportTest {

    private static final Offset<Double> EPSILON = Offset.offset(1e-9);

    @Test
    void should_report_every_measure_overall_per_style_and_per_kind() {
        // given: two short questions (hit at 1, hit at 7), one natural (no hit, declined), one unanswerable refused
        List<Outcome> outcomes = List.of(
                new Outcome(question("a", "fact", "short"), 1, true, true, true),
                new Outcome(question("b", "opinion", "short"), 7, false, true, false),
                new Outcome(question("c", "fact", "natural"), 0, false, false, false),
                new Outcome(question("d", "none", "natural"), 0, false, false, false));
        // when
        EvalReport report = EvalReport.of(5, outcomes, 1, 2);
        // then
        assertThat(report.all().answerable()).isEqualTo(3);
        assertThat(report.hitAt5()).isCloseTo(1 / 3.0, EPSILON);
        assertThat(report.hitAt10()).isCloseTo(2 / 3.0, EPSILON);
        assertThat(report.mrrAt10()).isCloseTo((1 + 1 / 7.0) / 3, EPSILON);
        assertThat(report.reached()).isCloseTo(1 / 3.0, EPSILON);
        assertThat(report.answeredAccuracy()).isCloseTo(2 / 3.0, EPSILON);
        assertThat(report.refusalAccuracy()).isCloseTo(1.0, EPSILON);
        assertThat(report.byStyle().get("short").hitAt5()).isCloseTo(0.5, EPSILON);
        assertThat(report.byKind().get("fact").falseRefusals()).isCloseTo(0.5, EPSILON);
        assertThat(report.misses()).containsExactly("b", "c");
        assertThat(report.refusedAnswerable()).containsExactly("c");
        assertThat(report.text()).contains("style short", "kind none", "hit@1", "hit@3", "hit@5 [95% CI]",
                "hit@10");
    }

    @Test
    void should_report_named_authors_paraphrase_groups_and_repeated_sources() {
        // given: two questions naming Ada (one answered from her, one from Bob), a group of three wordings with
        // one essay cited first, a group whose second wording is declined, and one answer quoting a text twice
        EvalQuestion namedA = new EvalQuestion("n1", "what does ada say", "fact", "author", "e", null, "t", "Ada", null, null);
        EvalQuestion namedB = new EvalQuestion("n2", "ada on x", "fact", "author", "e", null, "t", "Ada", null, null);
        List<Outcome> outcomes = List.of(
                new Outcome(namedA, 1, true, true, true, cited("e1", "ada"), false),
                new Outcome(namedB, 1, true, true, true, cited("e2", "Bob"), true),
                new Outcome(grouped("g1a", "g1"), 1, true, true, true, cited("e1", "Ada"), false),
                new Outcome(grouped("g1b", "g1"), 2, true, true, true, cited("e1", "Ada"), false),
                new Outcome(grouped("g1c", "g1"), 1, true, true, false, cited("e1", "Ada"), false),
                new Outcome(grouped("g2a", "g2"), 1, true, true, true, cited("e3", "Ada"), false),
                new Outcome(grouped("g2b", "g2"), 1, true, false, false, Optional.empty(), false));
        // when
        EvalReport report = EvalReport.of(5, outcomes, 1, 2);
        // then
        assertThat(report.namedAuthor()).isEqualTo(new Share(1, 2));
        assertThat(report.sameOutcome()).isEqualTo(new Share(1, 2));
        assertThat(report.groupsAnswered()).isEqualTo(new Share(4, 5));
        assertThat(report.repeatedSources()).isEqualTo(new Share(1, 6));
        assertThat(report.text()).contains("named author, first citation from that author: 1 of 2 (0.500)",
                "paraphrase groups with one outcome and first essay: 1 of 2 (0.500)",
                "answers citing one stretch of source twice: 1 of 6 (0.167)");
    }

    @Test
    void should_put_the_mean_inside_its_bootstrap_interval_and_narrow_it_with_more_questions() {
        List<Outcome> few = outcomes(10);
        List<Outcome> many = outcomes(200);

        Figures.Interval narrow = Figures.of(many).hitAt5Interval();
        Figures.Interval wide = Figures.of(few).hitAt5Interval();

        assertThat(Figures.of(many).hitAt5()).isBetween(narrow.low(), narrow.high());
        assertThat(narrow.high() - narrow.low()).isLessThan(wide.high() - wide.low());
    }

    private static List<Outcome> outcomes(int n) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(new Outcome(question("q" + i, "fact", "short"), i % 3 == 0 ? 0 : 1, true, true, true));
        }
        return outcomes;
    }

    private static Optional<CitedEssay> cited(String essayId, String author) {
        return Optional.of(new CitedEssay(essayId, "title " + essayId, author, null));
    }

    private static EvalQuestion grouped(String id, String group) {
        return new EvalQuestion(id, "question " + id, "fact", "natural", "e", null, "t", "Ada", group, null);
    }

    private static EvalQuestion question(String id, String kind, String style) {
        return new EvalQuestion(id, "question " + id, kind, style, "some evidence words here", null, null, null);
    }
}
