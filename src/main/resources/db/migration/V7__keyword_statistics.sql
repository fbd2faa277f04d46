-- Keyword statistics of the served passages, kept by reindex in the transaction that publishes, so that a search
-- reads each question word's document frequency in one index lookup instead of counting passages per query.
--   term_stats:    per English-stemmed lexeme of search_vector, how many served passages hold it;
--   passage_stats: how many passages are served.

CREATE TABLE term_stats (
    lexeme   text PRIMARY KEY,
    passages integer NOT NULL
);

CREATE TABLE passage_stats (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    passages  integer NOT NULL
);

INSERT INTO term_stats (lexeme, passages)
SELECT lexeme, count(*)
  FROM served_passage p, unnest(tsvector_to_array(p.search_vector)) AS lexeme
 GROUP BY lexeme;

INSERT INTO passage_stats (singleton, passages)
SELECT true, count(*) FROM served_passage;
