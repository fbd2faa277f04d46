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
     * The breadth the index's size alone asks for: {@code 0.25 × windows^0.6}, at most {@value #MAX} (pgvector's
     * limit). Fitted to the scale benchmark's recall@10 sweeps, the smallest breadth keeping recall@10 at about
     * 0.95 or more: about 250 at 100,000 windows (0.953 at 200, 0.983 at 400) and about 1,000 at 1,000,000 (0.90 at
     * 200, 0.93 at 400, 0.95 to 0.98 at 800). Up to some 150,000 windows the depth a search reads (200 windows by
     * default) is the larger.
     */
    static int forSize(long indexedWindows) {
        return (int) Math.min(MAX, Math.ceil(0.25 * Math.pow(Math.max(0, indexedWindows), 0.6)));
    }

    /** The largest {@code hnsw.ef_search} pgvector takes. */
    static final int MAX = 1000;
}
