package dev.blogsearch.api.web;

import dev.blogsearch.api.config.RateLimitConfig;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who sent a request, as the key of per-client limits (the rate limit, failed admin attempts). The connection's
 * peer, or, behind a reverse proxy, the address that proxy recorded in the one header the operator names
 * ({@link RateLimitConfig#trustedHeader()}). Thread-safe.
 *
 * <p>Only the last entry of that header is used: the proxy appends the address it saw to whatever the client sent,
 * so every earlier entry, and every other forwarding header, is the client's own invention. A client that adds its
 * own {@code Forwarded: for=<random>} behind a proxy that sets {@code X-Forwarded-For} changes nothing.
 *
 * <p>Keys are addresses without ports ({@code 203.0.113.7:5678} and {@code [2001:db8::1]:443} are the addresses
 * alone), and an IPv6 address stands for its /64 network ({@code 2001:db8:1:2::/64}): one subscriber gets a whole
 * /64 and could otherwise use a new address, and a new allowance, for every request. A last entry that is not an
 * address ({@code unknown}, an obfuscated name, garbage) gives the connection's peer, the proxy itself: a misbehaving
 * client can only share the proxy's allowance, never get a fresh one.
 */
@Singleton
public final class ClientAddress {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAddress.class);

    // Longer than any address with brackets, a port and an IPv6 zone; a longer entry is not looked at.
    private static final int MAX_ENTRY_LENGTH = 80;

    private final String header;

    public ClientAddress(RateLimitConfig config) {
        this.header = config.trustedHeader();
        if (config.trustForwardedFor() && config.clientAddressHeader().isEmpty()) {
            LOG.warn("blogsearch.rate-limit.trust-forwarded-for (BLOGSEARCH_RATE_LIMIT_TRUST_FORWARDED_FOR) is"
                    + " deprecated and now means X-Forwarded-For only; set blogsearch.rate-limit.client-address-header"
                    + " (BLOGSEARCH_RATE_LIMIT_CLIENT_ADDRESS_HEADER) to the header your proxy sets instead");
        }
    }

    /** The client's key: its address, or its /64 for IPv6. */
    public String of(HttpRequest<?> request) {
        if (header != null) {
            String entry = lastEntry(header, request.getHeaders().getAll(header));
            byte[] address = entry == null ? null : parse(entry);
            if (address != null) {
                return key(address);
            }
        }
        return of(request.getRemoteAddress());
    }

    /** The key of a connection's peer. */
    public static String of(InetSocketAddress peer) {
        InetAddress address = peer.getAddress();
        return address == null ? peer.getHostString() : key(address.getAddress());
    }

    /**
     * The last entry of a forwarding header, as a bare address or address and port; {@code null} when there is
     * none or it is too long to be one.
     */
    static String lastEntry(String header, List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        String line = lines.get(lines.size() - 1);
        String entry = line.substring(line.lastIndexOf(',') + 1).strip();
        if (header.equalsIgnoreCase("Forwarded")) {
            entry = forParameter(entry);
        }
        return entry == null || entry.isEmpty() || entry.length() > MAX_ENTRY_LENGTH ? null : entry;
    }

    /** {@code for=192.0.2.60;proto=http} or {@code for="[2001:db8::1]:443"}: the {@code for} value, unquoted. */
    private static String forParameter(String element) {
        for (String pair : element.split(";")) {
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

    /**
     * The address in an entry, without port or brackets, as 4 or 16 bytes; {@code null} when it is not an IP
     * address. Never a DNS lookup.
     */
    static byte[] parse(String entry) {
        String address = entry;
        if (address.startsWith("[")) { // [2001:db8::1] or [2001:db8::1]:443
            int close = address.indexOf(']');
            if (close < 0) {
                return null;
            }
            address = address.substring(1, close);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':')); // 203.0.113.7:5678; IPv6 has several colons
        }
        return NetUtil.createByteArrayFromIpAddressString(address);
    }

    /** An IPv4 address as written; an IPv6 address (not a mapped IPv4 one) as its /64. */
    static String key(byte[] address) {
        if (address.length == 16 && isMappedIpv4(address)) {
            address = Arrays.copyOfRange(address, 12, 16);
        }
        if (address.length == 4) {
            return NetUtil.bytesToIpAddress(address);
        }
        byte[] network = Arrays.copyOf(address, 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        return NetUtil.bytesToIpAddress(network) + "/64";
    }

    private static boolean isMappedIpv4(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }
}
