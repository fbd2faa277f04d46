-- A 384-dimension vector takes 1.5 KB; beside the window's text it pushed rows over the TOAST threshold, so
-- vectors were compressed out of line and every distance computed outside the HNSW index had to fetch and
-- decompress them (and the planner, which does not count TOAST, misjudged scans). MAIN keeps them in the row
-- unless a row cannot fit a page, leaving the text to be moved out instead. Rows written from now on follow it;
-- `reindex --full` rewrites the existing ones.
ALTER TABLE passage_embedding ALTER COLUMN embedding SET STORAGE MAIN;
