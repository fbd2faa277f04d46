-- The passage index. Essays are stored as immutable versions; the `essay` table says which version of each
-- essay is served. A reindex writes new versions beside the served ones, then switches `essay` over in one
-- transaction, so a reader sees the old index or the new one and a failed run leaves the old one serving.

CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;

-- What built the index: the embedding model and the passage rules. One row.
CREATE TABLE index_manifest (
    singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    embedding_model  text        NOT NULL,
    dimension        integer     NOT NULL,
    passage_settings text        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE essay_version (
    version_id     uuid PRIMARY KEY,
    essay_id       text        NOT NULL,
    content_hash   text        NOT NULL,
    layout_hash    text        NOT NULL,
    title          text        NOT NULL,
    title_derived  boolean     NOT NULL,
    author         text,
    date_text      text,
    sources        text[]      NOT NULL,
    source         text        NOT NULL,
    body_start     integer     NOT NULL,
    body           text        NOT NULL,
    passage_count  integer     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- The served index: one row per essay, naming its current version.
CREATE TABLE essay (
    essay_id   text PRIMARY KEY,
    version_id uuid NOT NULL UNIQUE REFERENCES essay_version (version_id)
);

CREATE TABLE passage (
    passage_id     uuid PRIMARY KEY,
    version_id     uuid    NOT NULL REFERENCES essay_version (version_id) ON DELETE CASCADE,
    ordinal        integer NOT NULL,
    source         text    NOT NULL,
    start_offset   integer NOT NULL,
    end_offset     integer NOT NULL,
    text           text    NOT NULL,
    embedding_text text    NOT NULL,
    tokens         integer NOT NULL
);
CREATE INDEX passage_version ON passage (version_id);

-- Written through LangChain4j's PgVectorEmbeddingStore: one vector per passage, metadata as columns.
CREATE TABLE passage_embedding (
    embedding_id uuid PRIMARY KEY,
    embedding    vector(384) NOT NULL,
    text         text,
    passage_id   uuid,
    version_id   uuid,
    text_hash    text
);
CREATE INDEX passage_embedding_hnsw ON passage_embedding USING hnsw (embedding vector_cosine_ops);
CREATE INDEX passage_embedding_version ON passage_embedding (version_id);
CREATE INDEX passage_embedding_text_hash ON passage_embedding (text_hash);
