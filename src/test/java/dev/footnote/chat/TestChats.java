package dev.footnote.chat;

import dev.footnote.config.FootnoteConfig;
import dev.footnote.embedding.Embeddings;
import dev.footnote.evidence.EvidenceReader;
import dev.footnote.language.QuestionLanguage;
import dev.footnote.search.MinScoreGate;
import dev.footnote.search.PassageSearch;
import io.micrometer.core.instrument.MeterRegistry;

/** Chats put together from their stages by hand, as the application's beans would be, with chat's k of 5. */
final class TestChats {

    private TestChats() {
    }

    static ChatService chat(PassageSearch search, FootnoteConfig config, Conversations conversations, Answerer answerer,
            EvidenceReader evidence, Embeddings embeddings, QuestionLanguage language, boolean showUnchecked,
            MeterRegistry registry) {
        FollowUps resolver = new FollowUps(answerer instanceof QuestionRewriter model ? model : QuestionRewriter.NONE,
                search::authorNames);
        AnswerPipeline pipeline = new AnswerPipeline(resolver, new SearchRetriever(search), new MinScoreGate(config),
                evidence, answerer, new CitationChecker(new EmbeddingSupportJudge(embeddings)), language, 5,
                showUnchecked);
        return new ChatService(pipeline, resolver, conversations, search, registry);
    }
}
