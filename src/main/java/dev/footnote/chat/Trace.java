package dev.footnote.chat;

import java.util.List;
import java.util.Optional;

import dev.footnote.evidence.Evidence;
import dev.footnote.search.PassageHit;

/**
 * What each stage of the {@link AnswerPipeline} made of one question: chat, {@code /v1}, MCP and the command
 * line show its answer; evaluation reads the rest.
 *
 * @param question    as asked
 * @param resolved    as searched, with the conversation's filters
 * @param passages    the passages the answerer received, numbered from 1 as the draft cites them: relevant,
 *                    and overlapping ones joined
 * @param evidence    what the evidence reader found in them ({@link Evidence#NONE} when there were none)
 * @param draft       the answerer's text before its citations were checked; empty when none was written
 * @param outcome     how the question ended
 * @param answer      the text shown
 * @param citations   the answer's citations, numbered as its markers
 * @param unsupported draft sentences no cited passage supports; their markers were removed
 * @param provider    which answerer the pipeline runs: {@code extractive}, {@code openai} or {@code ollama}
 */
public record Trace(String question, ResolvedQuestion resolved, List<PassageHit> passages, Evidence evidence,
        Optional<String> draft, Outcome outcome, String answer, List<Citation> citations, List<String> unsupported,
        String provider) {

    public boolean answered() {
        return outcome == Outcome.ANSWERED;
    }

    /** The answer as chat returns it, in conversation {@code conversationId} ({@code null}: none). */
    public ChatAnswer toAnswer(String conversationId) {
        return new ChatAnswer(conversationId, answer, answered(), provider, citations, resolved.text(), unsupported);
    }
}
