-- Where an essay is published, when its file says (Markdown front matter, an HTML page's canonical link, a feed
-- entry's link): citations and the essay list link to it.
ALTER TABLE essay_version ADD COLUMN url text;

CREATE OR REPLACE VIEW served_essay AS
SELECT v.version_id, v.essay_id, v.content_hash, v.layout_hash, v.title, v.title_derived, v.author, v.date_text,
       v.sources, v.source, v.body_start, v.body, v.passage_count, v.source_sha256, v.url
  FROM essay e
  JOIN essay_version v ON v.version_id = e.version_id;
