package dev.footnote.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.SearchConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.index.Index;
import dev.footnote.index.IndexException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Finds the passages that best answer a question, as the stages of a retrieval pipeline:
 * <ol>
 *   <li><b>retrieval</b> ({@link HybridRetriever}): the embedding and keyword legs collect candidates, each
 *   {@code candidates} deep, in one round trip, and every candidate gets both features; at most
 *   {@code concurrency} searches at once ({@link SearchTurns}), from the primary or a replica
 *   ({@link SearchDatabase});</li>
 *   <li><b>aggregation</b>: the {@link Fusion} orders them, and one {@link Relevance} score per passage says
 *   how relevant it is, comparably across questions;</li>
 *   <li><b>re-ranking</b> ({@link Reranker}, optional): a cross-encoder re-orders the best candidates;</li>
 *   <li><b>selection</b>: one essay fills at most {@code max-essay-share} of the result unless the query
 *   names the essay, and the best {@code k} remain. Only their texts are read from the database, in the
 *   retrieval's snapshot (all candidates' when a re-ranker reads them).</li>
 * </ol>
 * It is the retrieval stage of chat's {@code AnswerPipeline}, and serves {@code /api/passages} and MCP on its own;
 * which passages are relevant enough to answer from is the {@link RelevanceGate}'s call.
 */
@Singleton
public class PassageSearch {

    /** The deepest either leg looks when filling a result under the per-essay share. */
    static final int MAX_DEPTH = 2000;

    private final Index index;
    private final SearchDatabase database;
    private final SearchTurns turns;
    private final Embeddings embeddings;
    private final HybridRetriever retriever;
    private final Fusion fusion;
    private final Reranker reranker;
    private final SearchConfig settings;
    private final Timer embedTimer;
    private final Timer retrieveTimer;
    private final Timer rerankTimer;

    /** A search that reads the primary database. */
    public PassageSearch(Index index, Embeddings embeddings, Reranker reranker, FootnoteConfig config,
            MeterRegistry registry) {
        this(index, SearchDatabase.primary(index.dataSource()), embeddings, reranker, config, registry);
    }

    @Inject
    public PassageSearch(Index index, SearchDatabase database, Embeddings embeddings, Reranker reranker,
            FootnoteConfig config, MeterRegistry registry) {
        this.index = index;
        this.database = database;
        this.embedTimer = stageTimer(registry, "embed");
        this.retrieveTimer = stageTimer(registry, "retrieve");
        this.rerankTimer = stageTimer(registry, "rerank");
        this.settings = config.search();
        this.embeddings = embeddings;
        List<SearchConfig.Leg> legs = settings.retrievers();
        var cosines = index.encoder().model().cosines();
        this.retriever = new HybridRetriever(legs.contains(SearchConfig.Leg.EMBEDDING), legs.contains(SearchConfig.Leg.KEYWORDS),
                settings.efSearch(), settings.maxKeywordPassages(),
                new Relevance(settings.semanticWeight(), cosines.unrelated(), cosines.close()));
        this.fusion = Fusion.of(settings.fusion());
        this.turns = new SearchTurns(settings.concurrency() > 0 ? settings.concurrency()
                : Runtime.getRuntime().availableProcessors(), SearchTurns.WAIT);
        this.reranker = reranker;
    }

    public List<PassageHit> search(PassageQuery query) {
        index.requireServing();
        List<String> authors = query.author().map(this::authorsMatching).orElse(List.of());
        if (query.author().isPresent() && authors.isEmpty()) {
            return List.of();
        }
        float[] question = embedTimer.record(() -> embeddings.embedQuery(query.text()));
        List<PassageHit> candidates = retrieveTimer.record(() ->
                turns.take(() -> candidates(query, authors, question)));
        // re-ranked once, after the connection is back in the pool: a slow scoring server holds no connection
        List<PassageHit> found = select(rerankTimer.record(() -> reranker.rerank(query.text(), candidates)), query,
                hit -> hit.essay().id());
        if (found.isEmpty()) {
            index.requireNotBeingFilled(); // by a reindex in another process, which requireServing cannot see
        }
        return found;
    }

    /** Time spent in one stage of a search ({@code footnote.search.stage}): embed, retrieve or rerank. */
    private static Timer stageTimer(MeterRegistry registry, String stage) {
        return Timer.builder("footnote.search.stage").description("Time per search stage").tag("stage", stage)
                .register(registry);
    }

    /**
     * The fused candidates with their texts: the {@code k} kept, or every candidate for the re-ranker to order. One
     * snapshot (repeatable read) serves the ranking and the texts.
     */
    private List<PassageHit> candidates(PassageQuery query, List<String> authors, float[] question) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                int depth = Math.max(settings.candidates(), query.k());
                retriever.begin(connection, depth);
                List<Candidate> ranked = ranked(connection, query, authors, question, depth);
                return retriever.passages(connection,
                        reranker.isEnabled() ? ranked : select(ranked, query, Candidate::essayId));
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IndexException("passage search failed: " + e.getMessage(), e);
        }
    }

    /** The fused candidates, deep enough that the per-essay share can still fill {@code k}. */
    private List<Candidate> ranked(Connection connection, PassageQuery query, List<String> authors,
            float[] question, int firstDepth) throws SQLException {
        int depth = firstDepth;
        while (true) {
            List<Candidate> candidates = retriever.retrieve(connection, query, authors, question, depth);
            fusion.order(candidates);
            // The per-essay share can leave fewer than k: look deeper while the legs had more to give.
            if (select(candidates, query, Candidate::essayId).size() == query.k() || candidates.size() < depth
                    || depth >= MAX_DEPTH) {
                return candidates;
            }
            depth = Math.min(MAX_DEPTH, depth * 4);
            retriever.deepen(connection, depth);
        }
    }

    /** The served essays' authors that a name as typed matches: a surname or any part of a name, any case. */
    public List<String> authorsMatching(String typed) {
        return authorNames().matching(typed);
    }

    /** The authors of the served essays, to match names as users type them. */
    public AuthorNames authorNames() {
        return new AuthorNames(index.authors());
    }

    /**
     * Throws unless the index can be searched: while a first build fills it, {@link
     * dev.footnote.index.IndexBuildingException} says how far it has got. Streams check this before they start,
     * so that a client hears it as a 503 rather than as an error inside a stream that began with 200.
     */
    public void requireServing() {
        index.requireServing();
    }

    /** The first {@code k} of {@code ranked}, at most {@link #maxPerEssay} of them from one essay. */
    private <T> List<T> select(List<T> ranked, PassageQuery query, Function<T, String> essayOf) {
        int perEssay = query.essayId().isPresent() ? Integer.MAX_VALUE : maxPerEssay(query.k());
        Map<String, Integer> taken = new HashMap<>();
        List<T> selected = new ArrayList<>();
        for (T passage : ranked) {
            if (selected.size() == query.k()) {
                break;
            }
            String essay = essayOf.apply(passage);
            if (taken.getOrDefault(essay, 0) >= perEssay) {
                continue;
            }
            taken.merge(essay, 1, Integer::sum);
            selected.add(passage);
        }
        return selected;
    }

    /** How many of {@code k} passages one essay may fill under {@code max-essay-share}, never fewer than two. */
    int maxPerEssay(int k) {
        return Math.max(2, (int) Math.ceil(k * settings.maxEssayShare()));
    }
}
