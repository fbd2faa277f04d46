package dev.footnote.mcp;

import java.util.List;

import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.Citation;

/**
 * The answer {@code ask} returns: {@code POST /api/chat}'s, with each citation's essay given as the other tools
 * give it (with its resource).
 *
 * @param grounded    {@code false} when Footnote declined; then there are no citations
 * @param question    the question as searched: a follow-up is rewritten to stand on its own
 * @param unsupported answer sentences whose cited passage did not support them; their markers were removed
 */
public record AskResult(String conversationId, String answer, boolean grounded, String provider,
        List<CitationResult> citations, String question, List<String> unsupported) {

    /**
     * {@code [n]} in the answer: the passage {@code text}, of which {@code quote} is the supporting part, is
     * exactly {@code source}'s text from {@code start} to {@code end}.
     *
     * @param rank   the passage's rank among those retrieved for the question, from 1
     * @param sha256 the SHA-256 of the file {@code source} as indexed
     */
    public record CitationResult(int n, int rank, String quote, String text, String source, int start, int end,
            String sha256, EssayRef essay) {

        static CitationResult of(Citation citation) {
            Citation.CitedEssay essay = citation.essay();
            return new CitationResult(citation.n(), citation.rank(), citation.quote(), citation.text(),
                    citation.source(), citation.textStart(), citation.textEnd(), citation.sha256(),
                    new EssayRef(essay.id(), essay.title(), essay.author(), null, essay.url(),
                            EssayResources.uri(essay.id())));
        }
    }

    static AskResult of(ChatAnswer answer) {
        return new AskResult(answer.conversationId(), answer.answer(), answer.grounded(), answer.provider(),
                answer.citations().stream().map(CitationResult::of).toList(), answer.question(),
                answer.unsupported());
    }
}
