package dev.blogsearch.api.web;

import static dev.blogsearch.api.web.SafeErrorBodies.assertSafeJson;

import dev.blogsearch.indexer.testing.RandomInputs;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Random hostile requests at every public endpoint: Unicode of every plane, Lucene and search-box syntax, quotes,
 * control characters, huge and negative numbers, repeated parameters, and raw request targets with broken
 * percent-encoding. Whatever comes in, the answer is never a 5xx, always a JSON object, and never shows a stack
 * trace, an exception class or a file path ({@link SafeErrorBodies}). Inputs come from {@link RandomInputs}; a
 * failure shows the seed and the request target as sent.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestPropertiesTest implements SampleBlogServer {

    private static final List<String> ENDPOINTS = List.of(
            "/api/search",
            "/api/tags",
            "/api/suggest",
            "/api/click",
            "/api/posts/posts/x/related",
            "/api/admin/reindex",
            "/api/admin/status",
            "/api/admin/analytics",
            "/api/");
    private static final List<String> PARAMETERS = List.of(
            "q", "tag", "category", "from", "to", "page", "size", "sort", "id", "rank", "explain", "full", "wait");

    @Inject
    EmbeddedServer server;

    @Test
    void anyQueryTextGetsSafeJson() {
        RandomInputs.seeded()
                .check(
                        150,
                        random -> "/api/search?q=" + encode(random.hostileText())
                                + "&page=" + encode(random.hugeNumber()) + "&size=" + encode(random.hugeNumber())
                                + "&tag=" + encode(random.hostileText()),
                        RandomInputs::escape,
                        this::answersSafeJson);
    }

    /** Up to 14 parameters, known names or random ones, repeated or not, with hostile text or numbers. */
    @Test
    void anyParametersAtAnyEndpointGetSafeJson() {
        RandomInputs.seeded()
                .check(
                        100,
                        random -> random.oneOf(ENDPOINTS) + "?"
                                + random.join(
                                        "&",
                                        14,
                                        () -> encode(random.oneOf(
                                                        () -> random.oneOf(PARAMETERS), () -> random.unicode(5)))
                                                + "=" + encode(random.oneOf(random::hostileText, random::hugeNumber))),
                        RandomInputs::escape,
                        this::answersSafeJson);
    }

    /** Request targets as a broken client or an attacker writes them: stray %, bad hex, overlong UTF-8, NUL. */
    @Test
    void rawMalformedTargetsGetSafeJson() {
        RandomInputs.seeded()
                .check(
                        150,
                        random -> random.oneOf(ENDPOINTS) + "?" + random.malformedQueryString(),
                        RandomInputs::escape,
                        this::answersSafeJson);
    }

    private void answersSafeJson(String target) {
        assertSafeJson(RawHttp.get(server.getURL(), target), target);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
