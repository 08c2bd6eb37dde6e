package dev.blogsearch.api.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Security headers on every response: the demo page, its files, the JSON API and every error.
 *
 * <ul>
 *   <li>A strict Content-Security-Policy: scripts and styles only from files of this origin, no inline code, no
 *       plugins, and no framing ({@code frame-ancestors 'none'}, the modern X-Frame-Options). On JSON, JS and CSS
 *       it has no effect but does no harm.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a JSON answer echoing a query is never run as script or HTML.</li>
 *   <li>{@code Referrer-Policy}: a reader's query in a URL does not travel to other sites.</li>
 * </ul>
 * A Netty handler on each connection, not an HTTP filter: filters do not see every answer (a management endpoint's
 * 401 given by another filter, a request whose headers are too large for the decoder), and each of those went out
 * without the headers. Headers are set, not added, over any a controller set.
 *
 * <p>No Cross-Origin-Resource-Policy here: the widget's {@code widget.js} and {@code widget.css} must load on the
 * blog's own origin (their controller marks them {@code cross-origin}). Stateless, shared by every connection.
 */
@ChannelHandler.Sharable
public final class SecurityHeaders extends ChannelOutboundHandlerAdapter {

    public static final SecurityHeaders INSTANCE = new SecurityHeaders();

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response) {
            response.headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.headers().set("X-Content-Type-Options", "nosniff");
            response.headers().set("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        super.write(ctx, msg, promise);
    }
}
