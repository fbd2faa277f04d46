-- The SHA-256 of every file the served index was read from, written by each reindex as it publishes: a reindex
-- that finds every file of the corpus folder unchanged has nothing to do, and says so without parsing, cutting
-- or comparing a single essay.
-- reading_rules: the revision of the rules that read and cut the files (Reindexer.READING_RULES); digests
-- recorded under other rules prove nothing.
CREATE TABLE corpus_file (
    source        text PRIMARY KEY,
    sha256        text    NOT NULL,
    reading_rules integer NOT NULL
);
