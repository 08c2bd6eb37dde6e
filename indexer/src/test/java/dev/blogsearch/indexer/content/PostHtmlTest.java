package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A post's page: headings carry the anchors search results link to, and nothing of the post runs as code. */
class PostHtmlTest {

    private final PostHtml html = new PostHtml();

    @Test
    void headingsHaveTheIdsTheirSectionLinksUse() {
        String markdown = "intro\n\n## 创建集群\n\ntext\n\n## Setup the Node {#setup}\n\n## 创建集群\n\n### C++ & Go!\n";
        List<Heading> indexed = new MarkdownText().extract(markdown).headings();

        String page = html.render(markdown);

        for (Heading heading : indexed) {
            assertThat(page).contains(" id=\"" + heading.anchor() + "\"");
        }
        assertThat(page)
                .contains("<h2 id=\"创建集群\">创建集群</h2>")
                .contains("<h2 id=\"创建集群-1\">创建集群</h2>")
                .contains("<h2 id=\"setup\">Setup the Node</h2>")
                .contains("<h3 id=\"c--go\">C++ &amp; Go!</h3>");
    }

    @Test
    void rawHtmlIsShownAsTextAndScriptLinksAreDropped() {
        String page = html.render("<script>alert(1)</script>\n\nHello <img src=x onerror=alert(2)> world\n\n"
                + "[click](javascript:alert(3)) and [ok](https://example.com/a?b=1&c=2)\n");

        assertThat(page)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("href=\"https://example.com/a?b=1&amp;c=2\"");
    }

    @Test
    void codeKeepsItsLanguageAndIsEscaped() {
        String page = html.render("```go\nfmt.Println(\"<hi>\")\n```\n");
        assertThat(page)
                .contains("<pre><code class=\"language-go\">fmt.Println(&quot;&lt;hi&gt;&quot;)\n</code></pre>");
    }
}
