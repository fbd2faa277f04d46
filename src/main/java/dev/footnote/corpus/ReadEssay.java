package dev.footnote.corpus;

/**
 * One essay as a {@link FormatReader} read it from a file.
 *
 * @param text   its text as a reader sees it, mapped to the file
 * @param title  from the file's metadata or first heading, or {@code null}
 * @param author from the file's metadata, or {@code null}
 * @param date   as the file gives it, or {@code null}
 * @param url    where the essay is published, or {@code null}
 */
record ReadEssay(ReadingText text, String title, String author, String date, String url) {
}
