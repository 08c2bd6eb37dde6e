package dev.blogsearch.api.web;

import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * Who sent a request, for rate limiting. The socket's peer, or, when the service is told it runs behind a reverse
 * proxy, the address that proxy recorded: the last entry of {@code Forwarded} or {@code X-Forwarded-For}. Only the
 * last entry is the proxy's own; earlier ones were sent by the client and may be anything.
 */
final class ClientAddress {

    // Long enough for any IPv6 form with a port; a longer value is not an address and is not used as a map key.
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {}

    static String of(HttpRequest<?> request, boolean trustForwarded) {
        if (trustForwarded) {
            String forwarded = lastForwardedFor(request.getHeaders().getAll("Forwarded"));
            if (forwarded == null) {
                forwarded = lastEntry(request.getHeaders().getAll("X-Forwarded-For"));
            }
            if (forwarded != null && !forwarded.isEmpty() && forwarded.length() <= MAX_LENGTH) {
                return forwarded.toLowerCase(Locale.ROOT);
            }
        }
        InetSocketAddress peer = request.getRemoteAddress();
        return peer.getAddress() == null
                ? peer.getHostString()
                : peer.getAddress().getHostAddress();
    }

    /** {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]"}: the last {@code for}. */
    private static String lastForwardedFor(List<String> headers) {
        String last = lastEntry(headers);
        if (last == null) {
            return null;
        }
        for (String pair : last.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                String value = trimmed.substring(4).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    private static String lastEntry(List<String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        String header = headers.get(headers.size() - 1);
        int comma = header.lastIndexOf(',');
        return header.substring(comma + 1).strip();
    }
}
