package dev.footnote.web;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footnote.chat.ChatAbandonedException;
import dev.footnote.chat.ChatAnswer;
import dev.footnote.chat.ChatListener;
import dev.footnote.chat.ChatService;
import dev.footnote.chat.Citation;
import dev.footnote.search.PassageQuery;
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
    private final Validator validator;

    public ChatResource(ChatService chat, ObjectMapper json, Validator validator) {
        this.chat = chat;
        this.json = json;
        this.bodies = new JsonBodies(json);
        this.validator = validator;
    }

    /**
     * A chat request: the body is bound to it by Jackson, checked against its constraints, and OpenAPI describes
     * the body from it.
     */
    @Schema(name = "ChatRequest", description = "A question, and the conversation it continues")
    record ChatRequest(
            @Schema(required = true, description = "the question, plain text")
            @NotBlank(message = "is required and must not be blank")
            @Size(max = PassageQuery.MAX_TEXT_LENGTH, message = TOO_LONG) @PlainText String question,
            @Schema(description = "the conversationId of an earlier answer, to ask a follow-up")
            @Size(max = PassageQuery.MAX_TEXT_LENGTH, message = TOO_LONG) @PlainText String conversationId,
            @Schema(description = "passages to retrieve (default footnote.chat.k)")
            @Min(value = 1, message = K_RANGE) @Max(value = PassageQuery.MAX_K, message = K_RANGE) Long k) {

        static final String TOO_LONG = "is too long; at most {max} characters are allowed";
        static final String K_RANGE = "must be from 1 to " + PassageQuery.MAX_K;

        String text() {
            return question.strip();
        }

        Optional<String> conversation() {
            return Optional.ofNullable(conversationId).filter(id -> !id.isBlank()).map(String::strip);
        }

        Optional<Integer> passages() {
            return Optional.ofNullable(k).map(Long::intValue);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question with citations")
    public ChatAnswer answer(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChatRequest.class))) String body) {
        ChatRequest request = parse(contentType, body);
        return chat.answer(request.text(), request.conversation(), request.passages(), null);
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
            EventStream events = new EventStream(out, json);
            try {
                ChatAnswer answer = chat.answer(request.text(), request.conversation(), request.passages(),
                        new ChatListener() {
                            @Override
                            public void citations(List<Citation> candidates) {
                                events.send("citations", candidates);
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
                events.send("done", answer);
            } catch (ChatAbandonedException e) {
                LOG.debug("Stream closed by its client; its answer was abandoned");
            } catch (RuntimeException e) {
                events.send("error", Problems.of(e));
            }
        });
    }

    private ChatRequest parse(String contentType, String body) {
        return bodies.read(contentType, body, ChatRequest.class, "a JSON object with a \"question\"", validator);
    }
}
