-- The SHA-256 of the file an essay version was read from, which its citations carry so that a client can tell
-- later whether the file is still the one quoted. Versions written before this column have none until the
-- next reindex rewrites them (their layout digest now covers the file's digest, so every essay is rewritten
-- once, without embedding anything).
ALTER TABLE essay_version ADD COLUMN source_sha256 text;

CREATE OR REPLACE VIEW served_essay AS
SELECT v.version_id, v.essay_id, v.content_hash, v.layout_hash, v.title, v.title_derived, v.author, v.date_text,
       v.sources, v.source, v.body_start, v.body, v.passage_count, v.source_sha256
  FROM essay e
  JOIN essay_version v ON v.version_id = e.version_id;
