package dev.footnote.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.footnote.index.EssayRecord;
import dev.footnote.search.PassageHit;
import dev.footnote.text.Span;

/** A client's own history turned into the turns a stored conversation would have kept, with a fake retrieval. */
class ExchangeHistoryTest {

    private static final PassageHit CHESS = passage("chess", "Centaur chess", "Sean Goedecke");
    private static final PassageHit SCRAPERS = passage("anubis", "Blocking scrapers", "Xe Iaso");

    private final List<String> retrieved = new ArrayList<>();
    private List<PassageHit> passages = List.of(CHESS, SCRAPERS);

    private final QueryResolver rules = new QueryResolver() {
        @Override
        public ResolvedQuestion resolve(String question, List<Turn> history) {
            throw new AssertionError("a client's history is resolved by rules only: no model is asked");
        }

        @Override
        public ResolvedQuestion byRules(String question, List<Turn> history) {
            return ResolvedQuestion.asWritten("standalone: " + question);
        }
    };
    private final ExchangeHistory history = new ExchangeHistory(rules, (question, k) -> {
        retrieved.add(question.text() + " k=" + k.orElse(0));
        return passages;
    });

    @Test
    void should_take_the_essay_whose_title_the_answer_names_first_as_cited_first() {
        List<Turn> turns = history.turns(List.of(new Exchange("Who blocks scrapers?",
                "Anubis does [1].\n\nSources:\n[1] Blocking scrapers — Xe Iaso\n[2] Centaur chess — Sean Goedecke")),
                Optional.of(3));

        assertThat(turns).singleElement().satisfies(turn -> {
            assertThat(turn.question()).isEqualTo("Who blocks scrapers?");
            assertThat(turn.standalone()).isEqualTo("standalone: Who blocks scrapers?");
            assertThat(turn.author()).isEqualTo("Xe Iaso");
            assertThat(turn.essayId()).isEqualTo("anubis");
        });
        assertThat(retrieved).containsExactly("standalone: Who blocks scrapers? k=3");
    }

    @Test
    void should_take_the_best_passage_as_cited_first_when_the_answer_names_no_title() {
        List<Turn> turns = history.turns(List.of(new Exchange("What is centaur chess?", "Humans with engines [1].")),
                Optional.empty());

        assertThat(turns).singleElement().extracting(Turn::author, Turn::essayId)
                .containsExactly("Sean Goedecke", "chess");
    }

    @Test
    void should_take_an_answer_without_markers_as_citing_nobody_without_retrieving() {
        List<Turn> turns = history.turns(List.of(new Exchange("Tulips?", "The essays don't cover this.")),
                Optional.empty());

        assertThat(turns).singleElement().extracting(Turn::author, Turn::essayId).containsExactly(null, null);
        assertThat(retrieved).isEmpty();
    }

    @Test
    void should_keep_older_exchanges_as_asked_and_read_only_the_last_one() {
        passages = List.of(SCRAPERS);

        List<Turn> turns = history.turns(List.of(new Exchange("First?", "One [1]."), new Exchange("Second?",
                "Two [1].")), Optional.empty());

        assertThat(turns).extracting(Turn::standalone).containsExactly("First?", "standalone: Second?");
        assertThat(turns.get(0).author()).isNull();
        assertThat(turns.get(1).author()).isEqualTo("Xe Iaso");
        assertThat(retrieved).hasSize(1);
    }

    private static PassageHit passage(String id, String title, String author) {
        EssayRecord essay = new EssayRecord(id, title, false, author, null, null, List.of(id + ".txt"), id + ".txt",
                0, 1, "0f".repeat(32));
        return new PassageHit(UUID.randomUUID(), 0.8, 0.8, 0.8, "Text.", id + ".txt", 0, 5, new Span(0, 5), essay);
    }
}
