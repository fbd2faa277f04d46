package dev.footnote.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Closes connections that hold the server without asking anything, but never one that is waiting for its answer.
 * <p>
 * The HTTP server closes a connection on which nothing was sent or received for {@code quarkus.http.idle-timeout}
 * (30 s): one that sent part of a request head or body and stopped, or a keep-alive connection nobody uses. It
 * would also close one whose request is still being answered, such as a chat waiting up to
 * {@code footnote.llm.timeout} for a model. So on each HTTP/1.x connection's first request, a handler goes into
 * its pipeline, just after the one that raises idle events, and passes them on only while the connection is owed
 * no answer: while every request that arrived whole has had its response sent whole.
 */
@ApplicationScoped
class IdleConnections {

    /** The name Vert.x gives the handler that raises idle events in an HTTP/1.x connection's pipeline. */
    private static final String IDLE_HANDLER = "idle";
    private static final String GUARD = "footnote-answering";

    void install(@Observes Router router) {
        router.route().order(FilterOrder.CONNECTIONS).handler(IdleConnections::guard);
    }

    /**
     * Puts the guard into the connection's pipeline on its first request. The request's own end passes the guard
     * after this, as the server reads it as a message of its own, after the head it routes.
     */
    private static void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.connection() instanceof ConnectionBase connection) {
            ChannelPipeline pipeline = connection.channel().pipeline();
            if (pipeline.get(GUARD) == null && pipeline.get(IDLE_HANDLER) != null) {
                pipeline.addAfter(IDLE_HANDLER, GUARD, new AnsweringGuard());
            }
        }
        context.next();
    }

    /**
     * Holds the idle event back while the connection owes an answer. Requests received whole count up, responses
     * sent whole count down (one refused before its body arrived counts down first), all on the connection's event
     * loop.
     */
    static final class AnsweringGuard extends ChannelDuplexHandler {

        private int answersOwed;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
            if (message instanceof LastHttpContent) {
                answersOwed++;
            }
            super.channelRead(context, message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof LastHttpContent) {
                answersOwed--;
            }
            super.write(context, message, promise);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event instanceof IdleStateEvent && answersOwed > 0) {
                return;
            }
            super.userEventTriggered(context, event);
        }
    }
}
