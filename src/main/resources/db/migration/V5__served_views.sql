-- What readers see, defined once: the essays being served (each essay's current version) and their passages.
-- Search and the index's own reads go through these views; only reindexing touches the tables behind them.

CREATE VIEW served_essay AS
SELECT v.version_id, v.essay_id, v.content_hash, v.layout_hash, v.title, v.title_derived, v.author, v.date_text,
       v.sources, v.source, v.body_start, v.body, v.passage_count
  FROM essay e
  JOIN essay_version v ON v.version_id = e.version_id;

CREATE VIEW served_passage AS
SELECT p.*
  FROM passage p
  JOIN essay e ON e.version_id = p.version_id;
