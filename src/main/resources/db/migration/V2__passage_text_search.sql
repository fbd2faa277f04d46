-- Full-text search over what is embedded (essay title and passage), with English stemming, stored so that a
-- match never re-parses passage text.

-- The text search document of a text. Typographic quotes, dashes, ellipses and non-breaking spaces become
-- spaces first: PostgreSQL's parser would otherwise glue them to words (“centaur would not match centaur).
CREATE FUNCTION search_document(text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('english'::regconfig,
                       translate($1, E'\u201C\u201D\u201E\u2018\u2019\u201A\u2032\u2033\u2014\u2013\u2010\u2026\u00AB\u00BB\u00A0',
                                 '               '));

ALTER TABLE passage ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (search_document(embedding_text)) STORED;
CREATE INDEX passage_search_vector ON passage USING gin (search_vector);
