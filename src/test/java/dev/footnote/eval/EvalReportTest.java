package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

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

    private static EvalQuestion question(String id, String kind, String style) {
        return new EvalQuestion(id, "question " + id, kind, style, "some evidence words here", null, null, null);
    }
}
