package dev.blogsearch.indexer.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermalinksTest {

    private static final OffsetDateTime DATE = OffsetDateTime.parse("2024-03-02T23:30:00+08:00");

    private static Permalinks.Page page(String sourcePath) {
        return new Permalinks.Page(sourcePath, null, null, "A Title", DATE);
    }

    @Test
    void defaultPatternUsesTheFileName() {
        Permalinks permalinks = Permalinks.defaults();

        assertEquals("/posts/hello-world/", permalinks.urlOf(page("posts/hello-world.md")));
        assertEquals("/posts/earthquakewarningnats/", permalinks.urlOf(page("blog/EarthquakeWarningNATS.md")));
        assertEquals(
                "/posts/brosettlement-building-a-wallet/",
                permalinks.urlOf(page("blog/BroSettlement Building a  Wallet.md")));
        assertEquals(
                "/posts/nats-to-implement-service-mesh/",
                permalinks.urlOf(page("blog/nats-to implement-service-mesh.md")));
        assertEquals("/posts/root-post/", permalinks.urlOf(page("root-post.md")));
    }

    @Test
    void frontMatterSlugWinsOverTheFileName() {
        Permalinks.Page page = new Permalinks.Page("post/2018-02-04-x.md", "Interface 与 Nil!", null, "t", DATE);

        assertEquals("/posts/interface-与-nil/", Permalinks.defaults().urlOf(page));
    }

    @Test
    void frontMatterUrlWinsOverEverything() {
        Permalinks permalinks = Permalinks.parse(List.of("posts=/:year/:slug/"));

        assertEquals("/about/me/", permalinks.urlOf(new Permalinks.Page("posts/x.md", "s", "about/me/", "t", DATE)));
        assertEquals(
                "/Keep As Written",
                permalinks.urlOf(new Permalinks.Page("posts/x.md", null, " /Keep As Written ", "t", DATE)));
    }

    @Test
    void bundleUsesItsFolderName() {
        Permalinks permalinks = Permalinks.parse(List.of("posts=/:sections/:filename/", "/:contentbasename/"));

        assertEquals("/posts/2024/my-bundle/", permalinks.urlOf(page("posts/2024/My Bundle/index.md")));
        assertEquals("/my-bundle/", permalinks.urlOf(page("notes/My Bundle/index.md")));
    }

    @Test
    void perSectionPatternsAndTheDefault() {
        Permalinks permalinks = Permalinks.parse(List.of("posts=/:year/:month/:day/:slug/", "/:section/:title/"));

        assertEquals("/2024/03/02/hello/", permalinks.urlOf(page("posts/hello.md")));
        assertEquals("/blog/a-title/", permalinks.urlOf(page("blog/hello.md")));
        assertEquals("/:section/:title/", permalinks.defaultPattern());
        assertEquals(Map.of("posts", "/:year/:month/:day/:slug/"), permalinks.sectionPatterns());
    }

    @Test
    void dateTokensOfAnUndatedPostLeaveNoEmptySegment() {
        Permalinks permalinks = Permalinks.parse(List.of("/:year/:month/:slugorfilename/"));

        assertEquals("/undated/", permalinks.urlOf(new Permalinks.Page("posts/undated.md", null, null, "t", null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hello World                 | hello-world
            '  Trim  Me  '              | trim-me
            C++ & Go: a  -  b           | c++-go-a-b
            TCP/IP 详解 #1 100%          | tcpip-详解-1-100
            Kubernetes 网络模型（一）      | kubernetes-网络模型一
            v1.2_beta~rc@x              | v1.2_beta~rc@x
            Café Ünïcode                | café-ünïcode
            """)
    void urlizeLikeHugo(String value, String expected) {
        assertEquals(expected, Permalinks.urlize(value));
    }

    @Test
    void invalidSpecsAreRejectedWithAReason() {
        assertEquals(
                "unknown permalink token :slugg in \"/:slugg/\"; known tokens: :year :month :day :section"
                        + " :sections :title :slug :filename :slugorfilename :contentbasename",
                assertThrows(IllegalArgumentException.class, () -> Permalinks.parse(List.of("/:slugg/")))
                        .getMessage());
        assertEquals(
                "empty permalink pattern",
                assertThrows(IllegalArgumentException.class, () -> Permalinks.parse(List.of("posts=")))
                        .getMessage());
        assertEquals(
                "permalink \"=/:slug/\" has no section before =",
                assertThrows(IllegalArgumentException.class, () -> Permalinks.parse(List.of("=/:slug/")))
                        .getMessage());
        assertEquals(
                "default permalink pattern given twice: \"/b/:slug/\"",
                assertThrows(IllegalArgumentException.class, () -> Permalinks.parse(List.of("/a/:slug/", "/b/:slug/")))
                        .getMessage());
    }
}
