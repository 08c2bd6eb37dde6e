package dev.blogsearch.api.connections;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Accepts request targets as {@code curl 'localhost:8080/api/search?q=虚拟内存'} sends them: raw UTF-8 bytes, not
 * percent-encoded. Netty reads the request line byte for byte into chars U+0080..U+00FF, which the framework then
 * refused as a malformed URI (400), though Solr and Elasticsearch search them. Each such byte, and each ASCII
 * character a URI may not hold there ({@code " < > \ ^ ` { | } [ ]}, controls), is percent-encoded here, before routing, so
 * the target decodes to the text that was sent; bytes that are not UTF-8 then get the 400 that explains it
 * ({@code web.QueryStringCheck}). Stateless, shared by every connection.
 */
@ChannelHandler.Sharable
final class RawUtf8Targets extends ChannelInboundHandlerAdapter {

    static final RawUtf8Targets INSTANCE = new RawUtf8Targets();

    private static final String NOT_IN_A_URI = "\"<>\\^`{|}[]";

    private RawUtf8Targets() {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            String target = request.uri();
            if (needsEncoding(target)) {
                request.setUri(encode(target));
            }
        }
        super.channelRead(ctx, msg);
    }

    static boolean needsEncoding(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (unsafe(target.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The target with each unsafe char, a byte of the request line, as {@code %XX}. */
    static String encode(String target) {
        StringBuilder encoded = new StringBuilder(target.length() + 16);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c > 0xFF) { // not a byte: a decoder that gave chars, not bytes; encode the char's UTF-8
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            } else if (unsafe(c)) {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    private static boolean unsafe(char c) {
        return c <= 0x20 || c >= 0x7F || NOT_IN_A_URI.indexOf(c) >= 0;
    }
}
