-- Full-text search over what is embedded (essay title and passage), with English stemming, stored so that a
-- match never re-parses passage text.
ALTER TABLE passage
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', embedding_text)) STORED;
CREATE INDEX passage_search_vector ON passage USING gin (search_vector);
