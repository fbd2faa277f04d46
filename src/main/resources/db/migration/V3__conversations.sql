-- Conversations, so that follow-up questions survive a restart. Old turns and idle conversations are pruned.
CREATE TABLE conversation (
    id         uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_updated ON conversation (updated_at);

CREATE TABLE conversation_turn (
    conversation_id uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    turn            integer     NOT NULL,
    question        text        NOT NULL,
    standalone      text        NOT NULL,
    answer          text        NOT NULL,
    author          text,
    essay_id        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, turn)
);
