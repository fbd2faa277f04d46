package dev.footnote.mcp;

import java.util.ArrayList;
import java.util.List;

import dev.footnote.index.Index;
import dev.footnote.search.PassageHit;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;
import dev.footnote.search.RelevanceGate;

/** {@code search_passages}: the passages that best match a query, as {@code GET /api/passages} finds them. */
final class PassageResults {

    private final PassageSearch search;
    private final RelevanceGate gate;
    private final Index index;

    PassageResults(PassageSearch search, RelevanceGate gate, Index index) {
        this.search = search;
        this.gate = gate;
        this.index = index;
    }

    /** The passages found for {@code query}, best first. */
    public record SearchResult(String query, List<PassageResult> passages) {
    }

    /**
     * One passage: {@code source}'s text from {@code start} to {@code end} is exactly {@code text}.
     *
     * @param score    relevance in [0, 1]
     * @param relevant whether the score clears the threshold below which a passage counts as unrelated
     * @param sha256   the SHA-256 of the file {@code source} as indexed
     */
    public record PassageResult(int rank, double score, boolean relevant, String text, String source, int start,
            int end, String sha256, EssayRef essay) {
    }

    SearchResult search(PassageQuery query) {
        List<PassageHit> hits = search.search(query);
        if (hits.isEmpty()) {
            requireKnown(query);
        }
        List<PassageResult> passages = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            PassageHit hit = hits.get(i);
            passages.add(new PassageResult(i + 1, Math.round(hit.score() * 10000) / 10000.0, gate.isRelevant(hit),
                    hit.text(), hit.source(), hit.start(), hit.end(), hit.essay().sourceSha256(),
                    EssayRef.of(hit.essay())));
        }
        return new SearchResult(query.text(), passages);
    }

    /** A filter naming no author or essay of the index is a mistake worth saying, not an empty result. */
    private void requireKnown(PassageQuery query) {
        query.author().filter(name -> search.authorsMatching(name).isEmpty()).ifPresent(name -> {
            throw ToolFailures.invalid("no essay author matches \"" + name + "\"");
        });
        query.essayId().filter(id -> !index.hasEssay(id)).ifPresent(id -> {
            throw ToolFailures.invalid("no essay with id \"" + id + "\"");
        });
    }
}
