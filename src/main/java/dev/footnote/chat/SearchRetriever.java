package dev.footnote.chat;

import java.util.List;

import jakarta.inject.Singleton;

import dev.footnote.search.PassageHit;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;
import io.quarkus.arc.DefaultBean;

/** Retrieves through the hybrid {@link PassageSearch}, within the question's author or essay. */
@Singleton
@DefaultBean
class SearchRetriever implements PassageRetriever {

    private final PassageSearch search;

    SearchRetriever(PassageSearch search) {
        this.search = search;
    }

    @Override
    public List<PassageHit> retrieve(ResolvedQuestion question, int k) {
        return search.search(new PassageQuery(question.text(), k, question.author(), question.essayId()));
    }
}
