-- The HNSW graph holds the windows' vectors in half precision (halfvec): half the memory it must keep in
-- shared buffers, and half the bytes read for each distance the scan computes, the bound of a search at a million
-- passages. The table keeps the full vectors: the search statement orders the scan by the half-precision
-- distance and measures every candidate's similarity with the full one (SearchSql).
-- Rebuilding the graph reads every window: seconds for the shipped essays, many minutes at a million passages,
-- during which searches fall back to an exact scan.
DROP INDEX passage_embedding_hnsw;
CREATE INDEX passage_embedding_hnsw ON passage_embedding
    USING hnsw ((embedding::halfvec(384)) halfvec_cosine_ops) WITH (ef_construction = 128);
