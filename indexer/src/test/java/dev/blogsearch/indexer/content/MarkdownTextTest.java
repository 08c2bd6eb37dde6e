package dev.blogsearch.indexer.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    private final MarkdownText markdown = new MarkdownText();

    @Test
    void proseCodeAndHeadingsAreKeptApart() {
        PostText text = markdown.extract("""
                # Getting started

                Install the `nats` CLI, then run it.
                See [the docs](https://docs.nats.io) and ![a diagram](arch.png).

                - first item
                - second *item*
                  wrapped

                > quoted **text**

                ```go
                func main() {

                    fmt.Println("hi")
                }
                ```

                    indented code

                ---

                [docs]: https://example.com
                """);

        assertEquals("""
                Install the nats CLI, then run it. See the docs and a diagram.
                first item
                second item wrapped
                quoted text""", text.body());
        assertEquals("""
                nats

                func main() {

                    fmt.Println("hi")
                }

                indented code""", text.code());
        assertEquals(List.of(new Heading(1, "Getting started", "getting-started")), text.headings());
    }

    @Test
    void headingAnchorsAsHugoMakesThem() {
        PostText text = markdown.extract("""
                ## Hello, World! {#custom-id}
                ## Kubernetes 网络模型 (Part 1)
                ### Using `kube-proxy` & iptables_rules
                ## Intro
                ## Intro
                ## intro-1
                Setext heading
                --------------
                ## ???
                ## Custom repeated {#intro-2 .note}
                ## Intro
                """);

        assertEquals(
                List.of(
                        new Heading(2, "Hello, World!", "custom-id"),
                        new Heading(2, "Kubernetes 网络模型 (Part 1)", "kubernetes-网络模型-part-1"),
                        new Heading(3, "Using kube-proxy & iptables_rules", "using-kube-proxy--iptables_rules"),
                        new Heading(2, "Intro", "intro"),
                        new Heading(2, "Intro", "intro-1"),
                        new Heading(2, "intro-1", "intro-1-1"),
                        new Heading(2, "Setext heading", "setext-heading"),
                        new Heading(2, "???", "heading"),
                        new Heading(2, "Custom repeated", "intro-2"),
                        new Heading(2, "Intro", "intro-3")),
                text.headings());
        assertEquals("", text.body());
        assertEquals("kube-proxy", text.code());
    }

    @Test
    void anchorsAreMadeOfTheHeadingsMarkdownAsHugo0111MakesThem() {
        PostText text = markdown.extract("""
                ## See [the docs](https://docs.nats.io/a) first

                ## Entity &amp; `x_y` and __under__ ##

                ## Two  spaces {.note}

                First line
                second line
                -----------

                # Plain {#custom}
                """);
        assertEquals(
                List.of(
                        new Heading(2, "See the docs first", "see-the-docshttpsdocsnatsioa-first"),
                        new Heading(2, "Entity & x_y and under", "entity-amp-x_y-and-__under__"),
                        new Heading(2, "Two spaces", "two--spaces"),
                        new Heading(2, "First line second line", "second-line"),
                        new Heading(1, "Plain", "custom")),
                text.headings());
    }

    @Test
    void chineseWrappedAcrossLinesJoinsWithoutASpace() {
        PostText text = markdown.extract("""
                这是一个很长的段落，作者在这里
                换了行。English words
                wrap with a space, 中文与
                English 之间
                “引号”
                继续。
                """);

        assertEquals("这是一个很长的段落，作者在这里换了行。English words wrap with a space, 中文与 English 之间“引号”继续。", text.body());
    }

    @Test
    void inlineHtmlTagsDropTheirTextStays() {
        PostText text = markdown.extract("""
                **<mark>重点</mark>** and <span style="color:red">red</span> text<br>next line
                with <img src="x.png" alt="an icon"> and <script>alert(1)</script> done &amp; &copy;
                """);

        assertEquals("""
                重点 and red text
                next line with an icon and done & ©""", text.body());
    }

    @Test
    void htmlBlocksBecomeTheirText() {
        PostText text = markdown.extract("""
                <div class="row">
                <p align="center">Caf&eacute; &mdash; &lambda;&nbsp;calculus<br/>second&#8211;line</p>
                <img src="/a.png" alt="Architecture"/>
                <table><tr><th>Name</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table>
                </div>

                <blockquote class="twitter-tweet"><p>A tweet</p></blockquote>
                <script async src="https://platform.twitter.com/widgets.js">var hidden = 1;</script>
                <style>.x { color: red }</style>

                <!--more-->

                After.
                """);

        assertEquals("""
                Café — λ calculus
                second–line
                Architecture
                Name Value
                a 1
                A tweet
                After.""", text.body());
        assertEquals("", text.code());
    }

    @Test
    void pipeTablesBecomeRowsOfCells() {
        PostText text = markdown.extract("""
                Before the table:
                | Option | 说明 |
                |:-------|-----:|
                | `-v`   | 详细 |
                | -q     | quiet |

                Not | a table
                """);

        assertEquals("""
                Before the table:
                Option 说明
                -v 详细
                -q quiet
                Not | a table""", text.body());
        assertEquals("-v", text.code());
    }

    @Test
    void hugoShortcodesAreRemovedAndTheirInnerTextKept() {
        PostText text = markdown.extract("""
                Intro {{< ref "other.md" >}} text.

                {{< notice warning >}}
                Careful here.
                {{< /notice >}}

                {{% note %}}Inline **note**{{% /note %}}

                {{< figure src="/img/a.png" caption="The \\"big\\" picture" alt="diagram" >}}

                Embed a gist with:
                ```text
                {{</* gist user 123 */>}}
                ```

                {{< highlight go "linenos=table" >}}
                x := 1
                ```
                {{< /highlight >}}

                End.
                """);

        assertEquals("""
                Intro text.
                Careful here.
                Inline note
                The "big" picture diagram
                Embed a gist with:
                End.""", text.body());
        assertEquals("""
                x := 1
                ```""", text.code());
    }

    @Test
    void liquidTagsAreRemovedAndRawContentKept() {
        PostText text = markdown.extract("""
                See [the post]({% link _posts/2020-01-01-x.md %}) for more.

                {% comment %}
                Private note.
                {% endcomment %}

                {% raw %}
                ```shell
                docker inspect -f '{{.State.Pid}}' {% not-a-tag %}
                ```
                {% endraw %}

                <ul>
                  {% for post in site.posts %}
                    <li>{{ post.title }}</li>
                  {% endfor %}
                </ul>

                {% highlight c %}
                int x;
                {% endhighlight %}
                """);

        assertEquals("See the post for more.", text.body());
        assertEquals("""
                docker inspect -f '{{.State.Pid}}' {% not-a-tag %}

                int x;""", text.code());
    }

    @Test
    void liquidOutputTagsStayInPostsWithoutLiquid() {
        PostText text = markdown.extract("""
                In a Hugo template write {{ .Title }}.

                {{% note %}}Shortcodes do not make a post Liquid.{{% /note %}}
                """);

        assertEquals("""
                In a Hugo template write {{ .Title }}.
                Shortcodes do not make a post Liquid.""", text.body());
    }

    @Test
    void unclosedFenceKeepsTheRestAsCode() {
        PostText text = markdown.extract("""
                Before.

                ```
                code line
                More text that commonmark treats as code.
                """);

        assertEquals("Before.", text.body());
        assertEquals("code line\nMore text that commonmark treats as code.", text.code());
    }

    @Test
    void crlfLineEndings() {
        PostText text = markdown.extract("# 标题\r\n\r\n第一行\r\n第二行\r\n");

        assertEquals("第一行第二行", text.body());
        assertEquals(List.of(new Heading(1, "标题", "标题")), text.headings());
    }

    @Test
    void hostileInputNeitherThrowsNorOverflows() {
        List<String> inputs = List.of(
                "> ".repeat(100_000) + "deep",
                "- ".repeat(50_000) + "deep",
                "  ".repeat(10_000) + "- x\n" + "    - y\n".repeat(20_000),
                "[".repeat(100_000) + "]".repeat(100_000),
                "<div>".repeat(50_000) + "text",
                "{{< ".repeat(10_000) + "{% ".repeat(10_000),
                "`".repeat(100_000),
                "\u0000\uFFFD\uD800",
                "");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String input : inputs) {
                markdown.extract(input);
            }
        });
    }
}
