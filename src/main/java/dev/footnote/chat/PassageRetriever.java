package dev.footnote.chat;

import java.util.List;

import dev.footnote.search.PassageHit;

/** The retrieval stage: the {@code k} passages that best answer a standalone question, best first. */
public interface PassageRetriever {

    List<PassageHit> retrieve(ResolvedQuestion question, int k);
}
