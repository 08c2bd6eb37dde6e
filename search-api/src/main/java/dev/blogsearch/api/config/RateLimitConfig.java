package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import java.util.List;

/**
 * Per-client rate limits of the public API ({@code /api/**} except the token-guarded {@code /api/admin/**}), under
 * {@code blogsearch.rate-limit}. Each client address has a token bucket: it may send {@code burst} requests at once,
 * then {@code perSecond} a second on average; past that it gets 429 with {@code Retry-After}.
 *
 * @param enabled           off only where something else limits (the test environment, a proxy that does it)
 * @param burst             requests a client may send at once: a reader typing a query sends one per key stroke
 * @param perSecond         sustained requests per second per client
 * @param maxClients        clients remembered at once; the least recently seen are forgotten first, so memory stays
 *                          bounded however many addresses send requests
 * @param clientAddressHeader the one header that holds the client's address, set by the reverse proxy in front of
 *                          the service: {@code X-Forwarded-For} (nginx's {@code $proxy_add_x_forwarded_for}, Caddy),
 *                          {@code Forwarded} (RFC 7239) or {@code X-Real-IP}; empty for the connection's own address.
 *                          Only the last entry is used (the one the proxy appended): earlier entries, and every other
 *                          header, come from the client and may be anything.
 * @param trustForwardedFor deprecated: {@code true} means {@code client-address-header: X-Forwarded-For}
 */
// Read at start-up: a value that cannot be read stops the start with one line, not each request with a 500.
@Context
@ConfigurationProperties("blogsearch.rate-limit")
public record RateLimitConfig(
        boolean enabled,
        int burst,
        double perSecond,
        int maxClients,
        String clientAddressHeader,
        boolean trustForwardedFor) {

    /** The headers a proxy may name the client in; each is read as {@code ClientAddress} says. */
    public static final List<String> CLIENT_ADDRESS_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");

    public RateLimitConfig {
        if (burst < 1 || perSecond <= 0 || maxClients < 1) {
            throw new InvalidSettingException("blogsearch.rate-limit: burst, per-second and max-clients"
                    + " (BLOGSEARCH_RATE_LIMIT_BURST, BLOGSEARCH_RATE_LIMIT_PER_SECOND,"
                    + " BLOGSEARCH_RATE_LIMIT_MAX_CLIENTS) must be positive; to turn the limit off set"
                    + " BLOGSEARCH_RATE_LIMIT_ENABLED=false");
        }
        clientAddressHeader = clientAddressHeader == null ? "" : clientAddressHeader.strip();
        if (!clientAddressHeader.isEmpty()
                && CLIENT_ADDRESS_HEADERS.stream().noneMatch(clientAddressHeader::equalsIgnoreCase)) {
            throw new InvalidSettingException("blogsearch.rate-limit.client-address-header"
                    + " (BLOGSEARCH_RATE_LIMIT_CLIENT_ADDRESS_HEADER) is '" + clientAddressHeader + "'; set it to the"
                    + " header your reverse proxy sets, one of " + String.join(", ", CLIENT_ADDRESS_HEADERS)
                    + ", or leave it empty when clients connect directly");
        }
    }

    /**
     * The header to read the client's address from, {@code null} for the connection's address: the named one, or
     * {@code X-Forwarded-For} for the deprecated {@code trust-forwarded-for: true}.
     */
    public String trustedHeader() {
        if (!clientAddressHeader.isEmpty()) {
            return CLIENT_ADDRESS_HEADERS.stream()
                    .filter(clientAddressHeader::equalsIgnoreCase)
                    .findFirst()
                    .orElseThrow();
        }
        return trustForwardedFor ? "X-Forwarded-For" : null;
    }
}
