package dev.footnote.mcp;

import java.util.Optional;

import dev.footnote.chat.ChatService;
import dev.footnote.index.Index;
import dev.footnote.mcp.PassageResults.SearchResult;
import dev.footnote.mcp.QuoteFinder.QuoteCheck;
import dev.footnote.mcp.SpanReader.PassageSpan;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.PassageSearch;
import dev.footnote.search.QueryLimits;
import dev.footnote.search.RelevanceGate;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;

/**
 * The MCP tools. Their descriptions are all an agent gets to read before it calls them, so each says what the
 * offsets mean, what a refusal looks like and what to check before quoting. Every argument is checked as the
 * REST API checks it ({@link QueryLimits}); a bad one, like any failure, comes back as a tool error with a
 * message (see {@link ToolFailures}).
 */
public class FootnoteTools {

    static final String OFFSETS = "Offsets are character positions in the whole source file, counted in UTF-16 "
            + "code units (as Java and JavaScript index strings), end exclusive: text == fileText.substring(start, "
            + "end). ";

    static final String SEARCH = "Finds the passages of the essays that best match a question or keywords, best "
            + "first. Each passage has its text, its exact place in its source file (source, start, end), the essay "
            + "it comes from (id, title, author, date, and uri, the essay's resource), a relevance score from 0 to 1, "
            + "and relevant: whether the score clears the threshold below which Footnote treats a passage as "
            + "unrelated to the question. " + OFFSETS + "Passages come back even when nothing in the essays is "
            + "related, so check relevant before relying on one. Use get_passage to read around a passage, and "
            + "verify_quote before presenting any text as a quotation from the essays.";

    static final String ASK = "Answers a question about the essays, with numbered citations. Claims in answer "
            + "carry markers [n]; the citation with that n holds the passage that supports them: quote (the "
            + "supporting sentences, a substring of text), text (the whole passage), source, start and end. "
            + OFFSETS + "grounded=false means Footnote declined: the essays do not cover the question, the "
            + "question is not in English, or the drafted answer could not be checked against the essays. Then "
            + "there are no citations and answer only says why: do not present it as an answer to the question, and "
            + "do not answer from elsewhere as if the essays said so. An answer may be written by a language model "
            + "(provider): before repeating any of its words as a quotation, check them with verify_quote. To ask a "
            + "follow-up (\"what else did he say?\"), pass the conversationId of the previous answer; question shows "
            + "how the follow-up was understood. unsupported lists sentences of the answer whose markers were "
            + "removed because their passage did not support them.";

    static final String GET_PASSAGE = "Returns the exact text of a span of an indexed source file, with the essay it "
            + "belongs to and the text around it. start and end are as search_passages, ask and verify_quote return "
            + "them. " + OFFSETS + "The span must lie within the text of one essay (page headers, bylines and "
            + "anything between two essays of a file are not indexed) and be at most " + SpanReader.MAX_SPAN
            + " characters long. before and after hold up to " + SpanReader.CONTEXT + " characters of the essay on "
            + "either side: fileText.substring(contextStart, contextEnd) == before + text + after. For a whole "
            + "essay, read its resource (essay.uri).";

    static final String VERIFY_QUOTE = "Checks whether a quotation occurs verbatim in the indexed essays, and "
            + "where. The match is exact, character for character: case, punctuation, typographic quotes and "
            + "apostrophes (\u2019 is not '), dashes, spaces and line breaks must all be identical. There is no fuzzy "
            + "or normalised matching: a paraphrase, or a quote with one character changed, is reported as not found "
            + "(found=false). Present text as a quotation from the essays only if found is true. Each match gives "
            + "the source file, start and end, and the essay: fileText.substring(start, end) == quote. " + OFFSETS
            + "Give source to look in one file only.";

    private final PassageResults passages;
    private final ChatService chat;
    private final ServedFiles files;

    public FootnoteTools(PassageSearch search, RelevanceGate gate, Index index, ChatService chat) {
        this.passages = new PassageResults(search, gate, index);
        this.chat = chat;
        this.files = new ServedFiles(index);
    }

    @Tool(name = "search_passages", description = SEARCH, structuredContent = true,
            annotations = @Tool.Annotations(title = "Search the essays", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    SearchResult searchPassages(
            @ToolArg(name = "query", description = "the question or keywords, plain text of 1 to "
                    + PassageQuery.MAX_TEXT_LENGTH + " characters") String query,
            @ToolArg(name = "k", description = "how many passages, 1 to " + PassageQuery.MAX_K + " (default "
                    + PassageQuery.DEFAULT_K + ")", defaultValue = "" + PassageQuery.DEFAULT_K) int k,
            @ToolArg(name = "author", description = "only essays by authors this name matches: a surname or any "
                    + "part of a name, any case", required = false) String author,
            @ToolArg(name = "essay", description = "only this essay (its id)", required = false) String essay) {
        return ToolFailures.call(() -> passages.search(new PassageQuery(QueryLimits.question(query, "\"query\""),
                QueryLimits.k(k, "\"k\""), QueryLimits.optionalText(author, "\"author\""),
                QueryLimits.optionalText(essay, "\"essay\""))));
    }

    @Tool(name = "ask", description = ASK, structuredContent = true,
            annotations = @Tool.Annotations(title = "Ask the essays", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false))
    AskResult ask(
            @ToolArg(name = "question", description = "the question, in English, plain text of 1 to "
                    + PassageQuery.MAX_TEXT_LENGTH + " characters") String question,
            @ToolArg(name = "conversationId", description = "the conversationId of an earlier answer, to ask a "
                    + "follow-up", required = false) String conversationId) {
        return ToolFailures.call(() -> {
            String checked = QueryLimits.question(question, "\"question\"");
            Optional<String> conversation = QueryLimits.optionalText(conversationId, "\"conversationId\"");
            return AskResult.of(chat.answer(checked, conversation, Optional.empty(), null));
        });
    }

    @Tool(name = "get_passage", description = GET_PASSAGE, structuredContent = true,
            annotations = @Tool.Annotations(title = "Read a span of an essay", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    PassageSpan getPassage(
            @ToolArg(name = "source", description = "the source file, as search_passages, ask or verify_quote name "
                    + "it") String source,
            @ToolArg(name = "start", description = "offset of the span's first character in the file") int start,
            @ToolArg(name = "end", description = "offset just after the span's last character") int end) {
        return ToolFailures.call(() -> {
            String file = QueryLimits.question(source, "\"source\"");
            SpanReader.checkBounds(start, end);
            return SpanReader.read(files.essaysIn(file), file, start, end);
        });
    }

    @Tool(name = "verify_quote", description = VERIFY_QUOTE, structuredContent = true,
            annotations = @Tool.Annotations(title = "Check a quotation", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    QuoteCheck verifyQuote(
            @ToolArg(name = "quote", description = "the text to find, exactly as it would be quoted, 1 to "
                    + PassageQuery.MAX_TEXT_LENGTH + " characters") String quote,
            @ToolArg(name = "source", description = "only this source file", required = false) String source) {
        return ToolFailures.call(() -> {
            QueryLimits.question(quote, "\"quote\""); // checked, but matched as given: spaces count too
            Optional<String> file = QueryLimits.optionalText(source, "\"source\"");
            return QuoteFinder.find(file.isPresent() ? files.essaysIn(file.get()) : files.all(), quote);
        });
    }
}
