package dev.footnote.search;

/**
 * How many candidates the embedding leg's HNSW scan keeps ({@code hnsw.ef_search}). The scan walks the graph
 * keeping the best {@code ef_search} windows seen so far; with a fixed breadth it misses more of the true nearest
 * windows as the index grows, so the breadth grows with the number of indexed windows, as measured by the scale
 * benchmark. It is never less than the windows the leg reads, nor than {@code footnote.search.ef-search}.
 *
 * @param floor the configured least breadth
 */
public record HnswBreadth(int floor) {

    /** An estimate of the indexed windows that costs no scan: the planner's row count, kept by (auto)analyze. */
    public static final String INDEXED_WINDOWS = "SELECT greatest(reltuples, 0)::bigint FROM pg_class"
            + " WHERE oid = 'passage_embedding'::regclass";

    /** The breadth for a search that reads {@code windows} windows from an index of {@code indexedWindows}. */
    public int efSearch(int windows, long indexedWindows) {
        return Math.min(MAX, Math.max(Math.max(floor, windows), forSize(indexedWindows)));
    }

    /**
     * The breadth the index's size alone asks for: {@code 0.6 × √windows}, at most {@value #MAX} (pgvector's limit).
     * Fitted to the scale benchmark's recall@10 sweeps (graphs built with {@code ef_construction} 128, migration
     * V10) as the smallest breadth that keeps recall@10 at 0.95 with some margin; the sweeps are in
     * {@code docs/scaling.md}. Up to some 110,000 windows the depth a search reads is the larger.
     */
    static int forSize(long indexedWindows) {
        return (int) Math.min(MAX, Math.ceil(0.6 * Math.sqrt(Math.max(0, indexedWindows))));
    }

    /** The largest {@code hnsw.ef_search} pgvector takes. */
    static final int MAX = 1000;
}
