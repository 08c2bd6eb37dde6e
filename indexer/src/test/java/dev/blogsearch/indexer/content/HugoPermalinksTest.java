package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Permalinks} under Hugo's rules, as Hugo 0.111 builds the same pages (see RealHugoTest). */
class HugoPermalinksTest {

    private static final OffsetDateTime DATE = OffsetDateTime.parse("2024-03-02T10:00:00+08:00");

    private static String url(Permalinks permalinks, String path, String slug, String url, String title) {
        return permalinks.urlOf(new Permalinks.Page(path, slug, url, title, DATE));
    }

    @Test
    void withoutAPatternASectionGetsHugosUrlItsFoldersThenSlugOrName() {
        Permalinks hugo = Permalinks.hugo(List.of());
        assertThat(url(hugo, "posts/nested/Deep Dive.md", null, null, "T")).isEqualTo("/posts/nested/deep-dive/");
        assertThat(url(hugo, "posts/My Bundle/index.md", null, null, "T")).isEqualTo("/posts/my-bundle/");
        assertThat(url(hugo, "posts/My Bundle/index.md", "Short Name", null, "T"))
                .isEqualTo("/posts/short-name/");
        assertThat(url(hugo, "about.md", null, null, "T")).isEqualTo("/about/");
    }

    @Test
    void slugFallsBackToTheTitle() {
        Permalinks hugo = Permalinks.hugo(List.of("posts=/:year/:slug/"));
        assertThat(url(hugo, "posts/a-file.md", null, null, "Hello World: Über"))
                .isEqualTo("/2024/hello-world-über/");
        assertThat(url(hugo, "posts/a-file.md", "given", null, "Hello")).isEqualTo("/2024/given/");
        // Without a site, :slug falls back to the file name, as documented.
        assertThat(url(Permalinks.parse(List.of("posts=/:year/:slug/")), "posts/a-file.md", null, null, "Hello"))
                .isEqualTo("/2024/a-file/");
    }

    @Test
    void anUndatedPostIsInYearOneAsInHugo() {
        Permalinks hugo = Permalinks.hugo(List.of("posts=/:year/:month/:day/:filename/"));
        assertThat(hugo.urlOf(new Permalinks.Page("posts/x.md", null, null, "t", null)))
                .isEqualTo("/1/01/01/x/");
    }

    @Test
    void sectionsAreThePostsNearestSection() {
        Permalinks hugo = Permalinks.hugo(List.of("notes=/n/:sections/:filename/"));
        assertThat(hugo.needsSections("notes/deep/topic/x.md")).isTrue();
        assertThat(hugo.urlOf(new Permalinks.Page("notes/deep/topic/x.md", null, null, "t", DATE, "notes/deep")))
                .isEqualTo("/n/notes/deep/x/");
        assertThat(hugo.needsSections("posts/x.md")).isFalse();
    }

    @Test
    void anOwnUrlWithoutExtensionIsAFolder() {
        Permalinks hugo = Permalinks.hugo(List.of());
        assertThat(url(hugo, "posts/x.md", null, "/special/Moved Here", "t")).isEqualTo("/special/Moved Here/");
        assertThat(url(hugo, "posts/x.md", null, "rel/page.html", "t")).isEqualTo("/rel/page.html");
    }
}
