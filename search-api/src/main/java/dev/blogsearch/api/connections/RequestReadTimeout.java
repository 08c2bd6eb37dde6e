package dev.blogsearch.api.connections;

import dev.blogsearch.api.web.ClientAddress;
import dev.blogsearch.api.web.ThrottledLog;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that does not send a whole request in time: from its opening, or from the end of the previous
 * answer, until the end of the next request (its {@link LastHttpContent}, which the decoder before this handler
 * emits only once the headers and body are in). A client sending a header line every few seconds once kept a
 * connection for good, since each line reset the server's idle timer; this timer is not reset by bytes, only by a
 * complete request. While a request is being answered no timer runs, so a slow search or a reindex that the caller
 * waits for is never cut off. One per connection; Netty calls it on the connection's event loop only.
 */
final class RequestReadTimeout extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReadTimeout.class);
    private static final ThrottledLog CLOSINGS = new ThrottledLog(LOG, Duration.ofSeconds(10));

    private final Duration timeout;
    private ScheduledFuture<?> timer;
    /** Requests read in full and not yet answered in full (HTTP/1.1 lets a client send the next before). */
    private int unanswered;

    RequestReadTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (timer == null) {
            start(ctx);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof LastHttpContent) { // looked at before passing on: the next handler releases it
            unanswered++;
            stop();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        boolean interim =
                msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (msg instanceof LastHttpContent && !interim) {
            ChannelPromise written = promise.unvoid();
            written.addListener(done -> {
                unanswered = Math.max(0, unanswered - 1);
                if (unanswered == 0 && ctx.channel().isActive()) {
                    start(ctx);
                }
            });
            super.write(ctx, msg, written);
            return;
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        stop();
        timer = ctx.executor()
                .schedule(
                        () -> {
                            CLOSINGS.warn(
                                    "Closed a connection from {}: no complete request within {} s"
                                            + " (blogsearch.connections.request-read-timeout,"
                                            + " BLOGSEARCH_REQUEST_READ_TIMEOUT)",
                                    ctx.channel().remoteAddress() instanceof InetSocketAddress peer
                                            ? ClientAddress.of(peer)
                                            : ctx.channel().remoteAddress(),
                                    timeout.toSeconds());
                            // Nothing waits for the close: a channel that fails to close is gone already.
                            ChannelFuture unused = ctx.close();
                        },
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
