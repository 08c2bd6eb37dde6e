package dev.blogsearch.api.connections;

import dev.blogsearch.api.web.ClientAddress;
import dev.blogsearch.api.web.ThrottledLog;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection as it opens when its address (an IPv6 /64, {@link ClientAddress}) already holds the most
 * connections one address may: 20,000 connections from one client once took every file descriptor, failing other
 * readers' requests and the index's refreshes. Counts only open connections; an address's count goes when its last
 * connection closes, so the map holds no more than the connections do. Shared by every connection; thread-safe.
 */
@ChannelHandler.Sharable
final class ConnectionsPerAddress extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int max;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();
    private final ThrottledLog refusals = new ThrottledLog(LOG, Duration.ofSeconds(10));

    ConnectionsPerAddress(int max) {
        this.max = max;
    }

    /** Added while the accepted connection is set up, before it reads anything. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress peer)) {
            return; // a Unix socket: one local user, no address to count
        }
        String address = ClientAddress.of(peer);
        int count = open.merge(address, 1, Integer::sum);
        ctx.channel()
                .closeFuture()
                .addListener(closed -> open.computeIfPresent(address, (key, n) -> n == 1 ? null : n - 1));
        if (count > max) {
            refusals.warn(
                    "Refused a connection from {}: it has {} open already, the most one address may"
                            + " (blogsearch.connections.max-per-address, BLOGSEARCH_MAX_CONNECTIONS_PER_ADDRESS;"
                            + " behind a reverse proxy, raise it above what the proxy opens)",
                    address,
                    max);
            // Nothing waits for the close: a channel that fails to close is gone already.
            ChannelFuture unused = ctx.close();
        }
    }
}
