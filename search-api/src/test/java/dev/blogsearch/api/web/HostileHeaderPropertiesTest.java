package dev.blogsearch.api.web;

import static dev.blogsearch.api.web.SafeErrorBodies.assertSafeJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.RandomInputs;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Random forwarding and {@code Accept} headers at the API, with the rate limit on and {@code X-Forwarded-For} trusted,
 * so every request's client address is parsed from them: garbage, ports, IPv6, RFC 7239 syntax, values past the
 * header size limit, odd media types. Whatever comes in, the answer is JSON with the security headers, never a 5xx
 * ({@link SafeErrorBodies}). Inputs come from {@link RandomInputs}; a failure shows the seed and the headers.
 */
@MicronautTest
@Property(name = "blogsearch.rate-limit.enabled", value = "true")
@Property(name = "blogsearch.rate-limit.burst", value = "1000000")
@Property(name = "blogsearch.rate-limit.per-second", value = "1000000")
@Property(name = "blogsearch.rate-limit.client-address-header", value = "X-Forwarded-For")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHeaderPropertiesTest implements SampleBlogServer {

    private static final List<String> TARGETS =
            List.of("/api/search?q=redis", "/api/tags", "/api/nothing", "/api/search?q=%C0%AF", "/api/admin/status");
    private static final List<String> FORWARDING_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");

    @Inject
    EmbeddedServer server;

    /** A request: its target and up to five header lines. */
    private record Request(String target, List<String> headers) {}

    @Test
    void anyForwardingAndAcceptHeadersGetSafeJsonWithTheSecurityHeaders() {
        RandomInputs.seeded()
                .check(
                        150,
                        random -> {
                            List<String> headers = new ArrayList<>(random.listOf(
                                    0, 4, () -> random.oneOf(FORWARDING_HEADERS) + ": " + random.forwardedValue()));
                            headers.add("Accept: " + random.acceptValue());
                            return new Request(random.oneOf(TARGETS), headers);
                        },
                        HostileHeaderPropertiesTest::describe,
                        this::answersSafeJson);
    }

    /** The request as a failure shows it: header values escaped, a huge one cut to its start and its length. */
    private static String describe(Request request) {
        return request.target() + " with "
                + request.headers().stream()
                        .map(header -> header.length() <= 300
                                ? RandomInputs.escape(header)
                                : RandomInputs.escape(header.substring(0, 200)) + "... (" + header.length()
                                        + " characters)")
                        .toList();
    }

    private void answersSafeJson(Request request) {
        RawHttp.Response response =
                RawHttp.get(server.getURL(), request.target(), request.headers().toArray(String[]::new));
        String what = describe(request);
        if (response.status() >= 400) {
            assertSafeJson(response, what);
        }
        assertThat(response.status()).as(what).isLessThan(500);
        assertThat(response.header("content-security-policy"))
                .as(what)
                .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(response.header("x-content-type-options")).as(what).isEqualTo("nosniff");
    }
}
