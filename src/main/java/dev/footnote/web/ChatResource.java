package dev.footnote.web;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.chat.ChatAbandonedException;
import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.ChatListener;
import dev.footnote.chat.ChatService;
import dev.footnote.chat.Citation;
import dev.footnote.search.PassageQuery;
import dev.footnote.search.QueryLimits;
import dev.footnote.text.JsonValues;
import io.vertx.core.http.HttpServerResponse;

/**
 * {@code POST /api/chat} and {@code POST /api/chat/stream}: answers with numbered citations. The stream sends
 * one {@code citations} event (the passages the answer may cite), {@code token} events as the answer is
 * written, then {@code done} with the same JSON as {@code /api/chat}, or {@code error} with a problem.
 */
@Path("/api/chat")
public class ChatResource {

    private static final Logger LOG = Logger.getLogger(ChatResource.class);

    private final ChatService chat;
    private final ObjectMapper json;
    private final JsonBodies bodies;

    public ChatResource(ChatService chat, ObjectMapper json) {
        this.chat = chat;
        this.json = json;
        this.bodies = new JsonBodies(json);
    }

    /** What a chat request holds, once read and checked; the schema is what OpenAPI shows of the body. */
    @Schema(name = "ChatRequest", description = "A question, and the conversation it continues")
    record ChatRequest(
            @Schema(required = true, minLength = 1, maxLength = PassageQuery.MAX_TEXT_LENGTH,
                    description = "the question, plain text") String question,
            @Schema(description = "the conversationId of an earlier answer, to ask a follow-up")
            Optional<String> conversationId,
            @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + PassageQuery.MAX_K,
                    description = "passages to retrieve (default footnote.chat.k)") Optional<Integer> k) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question with citations")
    public ChatAnswer answer(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChatRequest.class))) String body) {
        ChatRequest request = parse(contentType, body);
        return chat.answer(request.question(), request.conversationId(), request.k(), null);
    }

    @POST
    @Path("stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Answer a question with citations, streamed as server-sent events")
    public Response stream(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChatRequest.class))) String body,
            @Context HttpServerResponse response) {
        ChatRequest request = parse(contentType, body);
        chat.requireServing();
        return EventStream.response(out -> {
            EventStream events = new EventStream(out);
            try {
                ChatAnswer answer = chat.answer(request.question(), request.conversationId(), request.k(),
                        new ChatListener() {
                            @Override
                            public void citations(List<Citation> candidates) {
                                events.send("citations", json(candidates));
                            }

                            @Override
                            public void token(String text) {
                                events.send("token", text);
                            }

                            @Override
                            public boolean abandoned() {
                                return events.broken() || response.closed();
                            }
                        });
                events.send("done", json(answer));
            } catch (ChatAbandonedException e) {
                LOG.debug("Stream closed by its client; its answer was abandoned");
            } catch (RuntimeException e) {
                events.send("error", json(Problems.of(e)));
            }
        });
    }

    private String json(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ChatRequest parse(String contentType, String body) {
        JsonNode root = bodies.readObject(contentType, body, "a JSON object with a \"question\"");
        JsonNode question = root.get("question");
        if (question == null || !question.isTextual()) {
            throw ProblemException.badRequest("\"question\" is required and must be a string");
        }
        String text = QueryLimits.question(question.asText(), "\"question\"");
        JsonNode conversation = root.get("conversationId");
        if (conversation != null && !conversation.isNull() && !conversation.isTextual()) {
            throw ProblemException.badRequest("\"conversationId\" must be a string");
        }
        if (conversation != null && conversation.isTextual()) {
            QueryLimits.optionalText(conversation.asText(), "\"conversationId\"");
        }
        JsonNode k = root.get("k");
        Optional<Integer> checkedK = Optional.empty();
        if (k != null && !k.isNull()) {
            if (!JsonValues.isWholeNumber(k)) {
                throw ProblemException.badRequest("\"k\" must be a whole number from 1 to " + PassageQuery.MAX_K);
            }
            checkedK = Optional.of(QueryLimits.k(k.asLong(), "\"k\""));
        }
        return new ChatRequest(text, Optional.ofNullable(conversation).filter(JsonNode::isTextual).map(JsonNode::asText),
                checkedK);
    }
}
