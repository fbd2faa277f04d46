package dev.footnote.openai;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.chat.ChatAbandonedException;
import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.ChatService;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.web.ErrorResponse;
import dev.footnote.web.EventStream;
import dev.footnote.web.JsonBodies;
import dev.footnote.web.ProblemException;
import dev.footnote.web.Problems;
import dev.langchain4j.model.TokenCountEstimator;
import io.vertx.core.http.HttpServerResponse;

/**
 * An OpenAI-compatible chat API, so that OpenAI clients and front ends can ask the essays: {@code GET /v1/models}
 * lists the one model, {@code footnote}, and {@code POST /v1/chat/completions} answers the last user message
 * after the conversation before it, plainly or streamed ({@code "stream": true}). The text keeps its {@code [n]}
 * markers and, unless switched off, ends with a list of its sources; the citations come in a {@code citations}
 * member beside the choices. Errors are problems with OpenAI's {@code error} member ({@link OpenAiErrors}).
 */
@Path("/v1")
public class OpenAiResource {

    static final String MODEL = "footnote";

    private static final Logger LOG = Logger.getLogger(OpenAiResource.class);

    private final ChatService chat;
    private final ObjectMapper json;
    private final JsonBodies bodies;
    private final Validator validator;
    private final TokenCountEstimator tokens;
    private final boolean sourcesFooter;
    private final int maxExchanges;
    private final long started = Instant.now().getEpochSecond();

    public OpenAiResource(ChatService chat, ObjectMapper json, TokenCountEstimator tokens, FootnoteConfig config,
            Validator validator) {
        this.chat = chat;
        this.validator = validator;
        this.json = json;
        this.bodies = new JsonBodies(json);
        this.tokens = tokens;
        this.sourcesFooter = config.openai().sourcesFooter();
        this.maxExchanges = config.chat().maxTurns();
    }

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the models: footnote")
    public ModelList models() {
        return ModelList.of(ModelList.Model.footnote(started));
    }

    @GET
    @Path("models/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Describe a model; only footnote exists")
    public ModelList.Model model(@PathParam("model") String model) {
        checkModel(model);
        return ModelList.Model.footnote(started);
    }

    @POST
    @Path("chat/completions")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS })
    @Operation(summary = "Answer the last user message with citations, as an OpenAI chat completion")
    @APIResponse(responseCode = "200", description = "a chat completion, or with \"stream\": true its chunks",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChatCompletion.class)),
                @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = ChatCompletionChunk.class)) })
    public Response completions(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChatCompletionRequest.class))) String body,
            @Context HttpServerResponse response) {
        ChatCompletionRequest request = parse(contentType, body);
        Conversation conversation = Conversation.of(request.messages(), maxExchanges);
        boolean footer = request.footer().orElse(sourcesFooter);
        int promptTokens = conversation.texts().stream().mapToInt(tokens::estimateTokenCountInText).sum();
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        if (!request.streamed()) {
            ChatAnswer answer = chat.answerAfter(conversation.question(), conversation.earlier(), Optional.empty(),
                    null).toAnswer(null);
            String content = answer.answer() + (footer ? SourcesFooter.of(answer.citations()) : "");
            ChatCompletion.Usage usage = ChatCompletion.Usage.of(promptTokens,
                    tokens.estimateTokenCountInText(content));
            return Response.ok(ChatCompletion.of(id, created, content, usage, answer.citations(), answer.grounded()))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        chat.requireServing();
        StreamingOutput stream = out -> {
            CompletionStream completion = new CompletionStream(out, json, id, created, response::closed);
            completion.begin();
            try {
                ChatAnswer answer = chat.answerAfter(conversation.question(), conversation.earlier(),
                        Optional.empty(), completion).toAnswer(null);
                completion.finish(answer, footer, request.includeUsage(), promptTokens, tokens);
            } catch (ChatAbandonedException e) {
                LOG.debug("Stream closed by its client; its answer was abandoned");
            } catch (RuntimeException e) {
                completion.fail(ErrorResponse.of(Problems.of(e), false));
            }
        };
        return EventStream.response(stream);
    }

    /** Ends the request with a 404 unless {@code model} is {@code footnote}. */
    static void checkModel(String model) {
        if (!MODEL.equals(model)) {
            String shown = model.length() > 100 ? model.substring(0, 100) + "…" : model;
            throw ProblemException.notFound("the model \"" + shown + "\" does not exist; the model here is \""
                    + MODEL + "\"");
        }
    }

    private ChatCompletionRequest parse(String contentType, String body) {
        ChatCompletionRequest request = bodies.read(contentType, body, ChatCompletionRequest.class,
                "a JSON object with \"model\" and \"messages\"", validator, ChatCompletionRequest::fieldName);
        checkModel(request.model());
        return request;
    }
}
