-- A passage may be longer than the embedding model reads: it is embedded as several windows of its sentences,
-- one row each in passage_embedding, and scored by its closest window. What keyword search reads is the
-- passage with its essay title, no longer the one embedded text.
ALTER TABLE passage RENAME COLUMN embedding_text TO search_text;
CREATE INDEX passage_embedding_passage ON passage_embedding (passage_id);
