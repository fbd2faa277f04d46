package dev.footnote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.footnote.index.EssayRecord;
import dev.footnote.text.Span;

/** Overlapping passages joined into one, at the rank of the best, still an exact slice of the file. */
class OverlapMergerTest {

    private static final String FILE = "One sentence here. Two sentence there. Three is shared. Four ends it. Five.";
    private static final String OTHER = "Another file entirely, with its own words.";

    @Test
    void should_join_overlapping_passages_of_one_file_at_the_rank_of_the_best() {
        PassageHit second = passage("a.txt", FILE, 19, 55, 0.6);
        PassageHit elsewhere = passage("b.txt", OTHER, 0, 21, 0.5);
        PassageHit first = passage("a.txt", FILE, 39, 69, 0.9);

        List<PassageHit> merged = OverlapMerger.merged(List.of(first, elsewhere, second));

        assertThat(merged).hasSize(2);
        PassageHit joined = merged.get(0);
        assertThat(joined.passageId()).isEqualTo(first.passageId());
        assertThat(joined.start()).isEqualTo(19);
        assertThat(joined.end()).isEqualTo(69);
        assertThat(joined.text()).isEqualTo(FILE.substring(19, 69));
        assertThat(joined.score()).isEqualTo(0.9);
        assertThat(merged.get(1)).isEqualTo(elsewhere);
    }

    @Test
    void should_keep_passages_that_only_touch_or_come_from_other_files() {
        PassageHit left = passage("a.txt", FILE, 0, 19, 0.9);
        PassageHit right = passage("a.txt", FILE, 19, 39, 0.8);
        PassageHit sameOffsets = passage("b.txt", OTHER, 0, 19, 0.7);

        assertThat(OverlapMerger.merged(List.of(left, right, sameOffsets))).containsExactly(left, right, sameOffsets);
    }

    @Test
    void should_join_a_chain_a_later_passage_bridges_and_one_inside_another() {
        PassageHit a = passage("a.txt", FILE, 0, 25, 0.9);
        PassageHit c = passage("a.txt", FILE, 50, 75, 0.8);
        PassageHit inside = passage("a.txt", FILE, 55, 69, 0.75);
        PassageHit bridge = passage("a.txt", FILE, 20, 55, 0.7);

        List<PassageHit> merged = OverlapMerger.merged(List.of(a, c, inside, bridge));

        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).passageId()).isEqualTo(a.passageId());
        assertThat(merged.get(0).text()).isEqualTo(FILE.substring(0, 75));
    }

    private static PassageHit passage(String source, String file, int start, int end, double score) {
        EssayRecord essay = new EssayRecord("e-" + source, "Title", false, "Ada", null, null, List.of(source), source,
                0, 1, "abc");
        return new PassageHit(UUID.randomUUID(), score, score, 0.1, file.substring(start, end), source, start, end,
                new Span(start, end), essay);
    }
}
