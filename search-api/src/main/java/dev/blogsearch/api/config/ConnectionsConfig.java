package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import java.time.Duration;

/**
 * Limits on the connections one client may hold, under {@code blogsearch.connections}: what keeps one client from
 * taking every connection (and file descriptor) the service has.
 *
 * @param maxPerAddress      connections one address (an IPv6 /64) may have open at once; the next is closed as it
 *                           opens. Behind a reverse proxy every connection comes from the proxy, so this must
 *                           exceed what the proxy opens at once (nginx opens one per request in flight). 0: no
 *                           limit
 * @param requestReadTimeout how long a connection has to send a whole request, headers and body: from its opening,
 *                           or from the end of the previous answer. A client that sends a header line every few
 *                           seconds, or half a request and then nothing, is cut off then. Searches are never
 *                           affected: the time a request spends being answered does not count
 */
// Read at start-up: a value that cannot be read stops the start with one line, not each request with a 500.
@Context
@ConfigurationProperties("blogsearch.connections")
public record ConnectionsConfig(int maxPerAddress, Duration requestReadTimeout) {

    public ConnectionsConfig {
        if (maxPerAddress < 0) {
            throw new InvalidSettingException("blogsearch.connections.max-per-address"
                    + " (BLOGSEARCH_MAX_CONNECTIONS_PER_ADDRESS) is " + maxPerAddress
                    + "; set it to the connections one address may hold at once, or 0 for no limit");
        }
        if (requestReadTimeout == null || requestReadTimeout.isNegative() || requestReadTimeout.isZero()) {
            throw new InvalidSettingException("blogsearch.connections.request-read-timeout"
                    + " (BLOGSEARCH_REQUEST_READ_TIMEOUT) must be a positive duration, such as 30s");
        }
    }
}
