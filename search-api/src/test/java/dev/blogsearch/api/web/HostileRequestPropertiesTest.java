package dev.blogsearch.api.web;

import static dev.blogsearch.api.web.SafeErrorBodies.assertSafeJson;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random hostile requests at every public endpoint: Unicode of every plane, Lucene and search-box syntax, quotes,
 * control characters, huge and negative numbers, repeated parameters, and raw request targets with broken
 * percent-encoding. Whatever comes in, the answer is never a 5xx, always a JSON object, and never shows a stack
 * trace, an exception class or a file path ({@link SafeErrorBodies}).
 */
class HostileRequestPropertiesTest {

    private static final List<String> ENDPOINTS =
            List.of("/api/search", "/api/tags", "/api/suggest", "/api/click", "/api/posts/posts/x/related",
                    "/api/admin/reindex", "/api/admin/status", "/api/admin/analytics", "/api/");
    private static final List<String> PARAMETERS = List.of("q", "tag", "category", "from", "to", "page", "size", "sort", "id",
            "rank", "explain", "full", "wait");
    private static final List<String> SYNTAX = List.of("AND", "OR", "NOT", "&&", "||", "!", "*", "?", "~", "~2",
            "^10", ":", "title:", "body:", "tag:", "tag:", "-", "--", "+", "\"", "“", "」", "(", ")", "[", "]", "{", "}",
            "\\", "/", "/.*/", "*:*", "a*", "?b", "[a TO z]", "{* TO *}", "%", "%%", "&", "=", "#", "<script>",
            "</mark>", "${jndi:ldap://x}", "../../etc/passwd", "NaN", "Infinity", "-0", "1e999",
            "99999999999999999999999", "-2147483649", "2147483648", "0x7fffffff", "\u0000", "\u202e", "\ufeff",
            "\ud83d\ude00", "虚拟内存", "redis", "pg_hba.conf", "c++", "k8s");

    private static EmbeddedServer server;

    @BeforeContainer
    static void startServer() {
        Map<String, Object> properties = new HashMap<>(new SampleBlogServer() { }.getProperties());
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterContainer
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static URL url() {
        return server.getURL();
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(4),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(8),
                Arbitraries.of(SYNTAX));
        return piece.list().ofMaxSize(12).map(pieces -> String.join(" ", pieces));
    }

    @Provide
    Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(),
                        java.math.BigInteger.TEN.pow(30)).map(String::valueOf),
                Arbitraries.of("", " ", "1.5", "1e3", "0", "-1", "+5", "١٢", "１０", "NaN", "0x10"));
    }

    @Property(tries = 150)
    void anyQueryTextGetsSafeJson(@ForAll("hostileText") String q, @ForAll("number") String page,
            @ForAll("number") String size, @ForAll("hostileText") String tag) {
        String target = "/api/search?q=" + encode(q) + "&page=" + encode(page) + "&size=" + encode(size)
                + "&tag=" + encode(tag);
        assertSafeJson(RawHttp.get(url(), target), target);
    }

    @Property(tries = 100)
    void anyParametersAtAnyEndpointGetSafeJson(@ForAll("endpoint") String endpoint,
            @ForAll("parameters") List<Map.Entry<String, String>> parameters) {
        String target = endpoint + "?" + parameters.stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue())).collect(Collectors.joining("&"));
        assertSafeJson(RawHttp.get(url(), target), target);
    }

    /** Request targets as a broken client or an attacker writes them: stray %, bad hex, overlong UTF-8, NUL. */
    @Property(tries = 150)
    void rawMalformedTargetsGetSafeJson(@ForAll("endpoint") String endpoint, @ForAll("rawQuery") String rawQuery) {
        String target = endpoint + "?" + rawQuery;
        assertSafeJson(RawHttp.get(url(), target), target);
    }

    @Provide
    Arbitrary<String> endpoint() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> parameters() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(PARAMETERS), Arbitraries.strings().ofMaxLength(5));
        Arbitrary<String> value = Arbitraries.oneOf(hostileText(), number());
        return Combinators.combine(name, value).as(Map::entry).list().ofMaxSize(14);
    }

    @Provide
    Arbitrary<String> rawQuery() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("q=", "tag=", "page=", "size=", "&", "=", "%", "%z", "%zz", "%0", "%00", "%FF",
                        "%C0%AF", "%E4%B8", "%ED%A0%80", "%F4%90%80%80", "%%41", "%2", "+", "%u4e2d", ";", "?",
                        "%0d%0a", "#", "/", "%2F..%2F"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(6)
                        .map(s -> s.replace("#", "%23").replace(" ", "")));
        return token.list().ofMinSize(1).ofMaxSize(16).map(tokens -> String.join("", tokens));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
