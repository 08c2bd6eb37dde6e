package dev.blogsearch.api.web;

import static dev.blogsearch.api.web.SafeErrorBodies.assertSafeJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request limits, error bodies and security headers, as a caller on the open internet meets them. Requests go
 * over a raw socket so that malformed ones reach the server as sent.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningApiTest implements SampleBlogServer {

    @Inject
    EmbeddedServer server;

    private RawHttp.Response get(String rawTarget, String... headers) {
        return RawHttp.get(server.getURL(), rawTarget, headers);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String badRequest(String rawTarget) {
        RawHttp.Response response = get(rawTarget);
        JsonNode json = assertSafeJson(response, rawTarget);
        assertThat(response.status()).as(rawTarget).isEqualTo(400);
        return json.get("message").asText();
    }

    @Test
    void limitsAnswer400NamingTheLimit() {
        assertThat(badRequest("/api/search?q=" + "a".repeat(201))).contains("at most 200 characters");
        String words = IntStream.range(0, 33).mapToObj(i -> "w" + i).collect(Collectors.joining("+"));
        assertThat(badRequest("/api/search?q=" + words)).contains("at most 32 words");
        assertThat(badRequest("/api/search?q=redis&page=101")).contains("page must be a whole number from 1 to 100");
        assertThat(badRequest("/api/search?q=redis&size=51")).contains("size must be a whole number from 1 to 50");
        assertThat(badRequest("/api/search?q=redis&size=99999999999999999999")).contains("size must be");
        assertThat(badRequest("/api/search?q=redis&page=-1")).contains("page must be");
        String tags = IntStream.range(0, 11).mapToObj(i -> "tag=t" + i).collect(Collectors.joining("&"));
        assertThat(badRequest("/api/search?q=redis&" + tags)).contains("at most 10");
    }

    @Test
    void limitsAreNotTooTightForRealQueries() {
        String words = IntStream.range(0, 32).mapToObj(i -> "w" + i).collect(Collectors.joining("+"));
        assertThat(get("/api/search?q=" + words).status()).isEqualTo(200);
        assertThat(get("/api/search?q=redis&page=100&size=50").status()).isEqualTo(200);
    }

    @Test
    void aSearchWithinItsBudgetIsNotPartial() {
        JsonNode json = assertSafeJson(get("/api/search?q=" + encode("虚拟内存 redis")), "search");
        assertThat(json.get("partial").isBoolean()).isTrue();
        assertThat(json.get("partial").asBoolean()).isFalse();
        assertThat(json.get("total").asInt()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/search?q=%",
                "/api/search?q=%zz",
                "/api/search?q=%E4%B8",
                "/api/search?q=%C0%AF",
                "/api/search?q=%00",
                "/api/search?%=%",
                "/api/search?q=redis&page=%FF",
                "/api/search?tag=%",
                "/api/%2e%2e/%2e%2e/etc/passwd",
                "/api/search/..%2f..%2fetc%2fpasswd",
                "/api/nothing-here",
                "/api/search?q=" + "%41" + "&q=b&q=c",
                "/api/tags?x=%"
            })
    void malformedRequestsGetJsonNot5xx(String rawTarget) {
        assertSafeJson(get(rawTarget), rawTarget);
    }

    @Test
    void micronautsOwnErrorsAreJsonWithAMessage() {
        RawHttp.Response notFound = get("/api/nothing-here");
        assertThat(notFound.status()).isEqualTo(404);
        assertSafeJson(notFound, "404");

        RawHttp.Response wrongMethod = RawHttp.send(
                server.getURL(),
                ("DELETE /api/search?q=x HTTP/1.1\r\nHost: x\r\n" + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertSafeJson(wrongMethod, "405");

        RawHttp.Response post = RawHttp.send(
                server.getURL(),
                ("POST /api/search HTTP/1.1\r\nHost: x\r\n"
                                + "Content-Type: application/x-evil\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(post.status()).isBetween(400, 499);
        assertSafeJson(post, "POST with an odd content type");
    }

    private static final List<String> ACCEPTS = List.of(
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            "text/html",
            "*/*",
            "application/xml",
            "image/png",
            "text/plain",
            "",
            "garbage;;q=x, ,",
            "application/json");

    /** Errors of every kind, ours, the framework's and the management endpoints', in whatever a client accepts. */
    @Test
    void everyErrorIsJsonWithTheSecurityHeadersWhateverTheClientAccepts() {
        List<String> requests = List.of(
                "GET /nothing",
                "GET /api/nothing",
                "DELETE /api/search?q=x",
                "PUT /api/tags",
                "GET /api/search?q=a&size=x",
                "GET /api/search?q=%C0%AF",
                "GET /api/search?q=%zz",
                "GET /beans",
                "GET /routes",
                "GET /info",
                "POST /refresh",
                "GET /api/admin/status");
        for (String request : requests) {
            for (String accept : ACCEPTS) {
                String[] parts = request.split(" ");
                RawHttp.Response response = RawHttp.send(
                        server.getURL(),
                        (parts[0] + " " + parts[1] + " HTTP/1.1\r\nHost: x\r\nAccept: " + accept
                                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                String what = request + " with Accept: " + accept;
                assertSafeJson(response, what);
                assertThat(response.status()).as(what).isBetween(400, 499);
                assertThat(response.header("content-security-policy"))
                        .as(what)
                        .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
                assertThat(response.header("x-content-type-options")).as(what).isEqualTo("nosniff");
                assertThat(response.header("referrer-policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
            }
        }
    }

    /** As {@code curl 'localhost:8080/api/search?q=虚拟内存'} sends it: raw UTF-8 bytes, not percent-encoded. */
    @Test
    void rawUtf8InTheQueryStringIsSearched() {
        RawHttp.Response raw = get("/api/search?q=虚拟内存+redis&tag=redis");
        JsonNode json = assertSafeJson(raw, "raw UTF-8");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(json.get("query").asText()).isEqualTo("虚拟内存 redis");
        JsonNode encoded = assertSafeJson(get("/api/search?q=" + encode("虚拟内存 redis") + "&tag=redis"), "encoded");
        assertThat(json.get("total").asInt()).isEqualTo(encoded.get("total").asInt());
        assertThat(get("/api/suggest?q=虚拟").status()).isEqualTo(200);
    }

    @Test
    void textThatIsNotUtf8OrHoldsNulIs400SayingWhatToSend() {
        for (String target : List.of("/api/search?q=%C0%AF", "/api/search?q=%FF", "/api/search?q=a%ED%A0%80b")) {
            assertThat(badRequest(target)).as(target).contains("parameter q").contains("not UTF-8");
        }
        assertThat(badRequest("/api/search?q=a%00b")).contains("parameter q").contains("NUL");
        assertThat(badRequest("/api/search?q=100%")).contains("%25");
        assertThat(badRequest("/api/search?q=%zz")).contains("%25");

        // Raw bytes that are not UTF-8, straight in the request line.
        byte[] start = "GET /api/search?q=a".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + 2 + end.length];
        System.arraycopy(start, 0, request, 0, start.length);
        request[start.length] = (byte) 0xC3;
        request[start.length + 1] = (byte) 0x28;
        System.arraycopy(end, 0, request, start.length + 2, end.length);
        RawHttp.Response response = RawHttp.send(server.getURL(), request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(assertSafeJson(response, "raw invalid UTF-8").get("message").asText())
                .contains("%C3");
    }

    @Test
    void pagesGetTheStrictContentSecurityPolicy() {
        for (String page : List.of("/", "/index.html", "/admin.html")) {
            RawHttp.Response response = get(page);
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.header("content-security-policy"))
                    .as(page)
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
            assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(response.header("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
            // The policy allows no inline code, so the page must have none.
            assertThat(response.body())
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                    .doesNotContain("style=")
                    .doesNotContain("<style")
                    .doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void jsonAnswersAreNosniffAndTheWidgetFilesLoadFromOtherSites() {
        assertThat(get("/api/search?q=redis").header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(get("/api/nothing").header("x-content-type-options")).isEqualTo("nosniff");
        for (String file : List.of("/widget.js", "/widget.css")) {
            RawHttp.Response response = get(file, "Origin: https://blog.example.org");
            assertThat(response.status()).as(file).isEqualTo(200);
            assertThat(response.header("cross-origin-resource-policy")).as(file).isIn(null, "cross-origin");
            assertThat(response.header("x-content-type-options")).as(file).isEqualTo("nosniff");
            assertThat(response.header("content-type")).as(file).containsAnyOf("javascript", "text/css");
        }
    }
}
