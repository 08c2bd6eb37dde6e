package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ids Hugo (goldmark, {@code autoHeadingIDType = "github"}) gives headings, which section links point at. */
class HeadingAnchorsTest {

    private final MarkdownText markdown = new MarkdownText();

    @Test
    void lowerCasedSpacesToHyphensPunctuationDroppedChineseKept() {
        assertThat(HeadingAnchors.anchorOf("Hello World")).isEqualTo("hello-world");
        assertThat(HeadingAnchors.anchorOf("页表与 TLB")).isEqualTo("页表与-tlb");
        assertThat(HeadingAnchors.anchorOf("大页：HugePages 与 THP")).isEqualTo("大页hugepages-与-thp");
        assertThat(HeadingAnchors.anchorOf("What's new? (v2.0)")).isEqualTo("whats-new-v20");
        assertThat(HeadingAnchors.anchorOf("C++ 与 Go")).isEqualTo("c-与-go");
        assertThat(HeadingAnchors.anchorOf("  pg_hba.conf  ")).isEqualTo("pg_hbaconf");
    }

    @Test
    void repeatsAreNumberedAndACustomIdIsKeptAndCountsAsTaken() {
        PostText text = markdown.extract("""
                ## 配置步骤 {#setup}

                ## Setup

                ## 小结

                ## 小结
                """);
        assertThat(text.headings())
                .extracting(Heading::text, Heading::anchor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("配置步骤", "setup"),
                        org.assertj.core.groups.Tuple.tuple("Setup", "setup-1"),
                        org.assertj.core.groups.Tuple.tuple("小结", "小结"),
                        org.assertj.core.groups.Tuple.tuple("小结", "小结-1"));
    }

    @Test
    void headingsTextHasOneLinePerHeadingSoLineNIsHeadingN() {
        PostText text = markdown.extract("""
                Multi
                line
                ====

                ## Two
                """);
        assertThat(text.headingsText().split("\n")).hasSize(text.headings().size());
    }
}
