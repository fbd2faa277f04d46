package dev.footnote.corpus;

import java.util.List;

/**
 * A layout of essay file that names its essays (a feed page, a category page): it recognises its files and
 * cuts them into essays. Files no layout recognises are untitled concatenations, split by matching them to
 * the essays the layouts found ({@link ConcatenationSplitter}).
 */
interface PageLayout {

    boolean recognises(String fileText, List<Line> lines);

    List<EssayCopy> parse(String source, String fileText, List<Line> lines);
}
