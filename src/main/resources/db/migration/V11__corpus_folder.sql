-- The folder the served index was read from, written by each reindex: verify checks quotes against the files the
-- answers were cited from, not against whatever folder the verifying process is configured with.
ALTER TABLE index_manifest ADD COLUMN corpus_folder text;
