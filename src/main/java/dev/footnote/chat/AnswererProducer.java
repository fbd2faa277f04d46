package dev.footnote.chat;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.footnote.config.FootnoteConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;

/**
 * The answerer that {@code footnote.llm.provider} names, and the question rewriter that comes with it; an
 * application bean of either type replaces it.
 */
@Singleton
class AnswererProducer {

    @Produces
    @Singleton
    @DefaultBean
    Answerer answerer(FootnoteConfig config, Prompts prompts, MeterRegistry registry) {
        return AnswererFactory.create(config.llm(), new PromptBuilder(prompts), registry);
    }

    /** A model rewrites follow-ups; without one ({@code extractive}) the rules alone make them standalone. */
    @Produces
    @Singleton
    @DefaultBean
    QuestionRewriter rewriter(Answerer answerer) {
        return answerer instanceof QuestionRewriter model ? model : QuestionRewriter.NONE;
    }
}
