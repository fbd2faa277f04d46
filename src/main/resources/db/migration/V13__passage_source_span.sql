-- Where a passage stands in the raw file. For a text file it is start_offset/end_offset; for Markdown, HTML and
-- feeds, whose offsets count in the text a reader sees, it is the stretch of markup that holds the passage.
-- Null in rows written before this column: they are text files, and the offsets serve.
ALTER TABLE passage ADD COLUMN source_start integer, ADD COLUMN source_end integer;

CREATE OR REPLACE VIEW served_passage AS
SELECT p.*
  FROM passage p
  JOIN essay e ON e.version_id = p.version_id;
