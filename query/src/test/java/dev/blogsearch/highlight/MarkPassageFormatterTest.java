package dev.blogsearch.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class MarkPassageFormatterTest {

    private static Passage passage(int start, int end, int... matches) {
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(end);
        for (int i = 0; i < matches.length; i += 2) {
            passage.addMatch(matches[i], matches[i + 1], new BytesRef("t"), 1);
        }
        return passage;
    }

    @Test
    void everythingButOurMarksIsEscaped() {
        String content = "攻击者提交 <script>alert('x')</script> & \"quotes\"";
        String html = new MarkPassageFormatter().format(new Passage[] {passage(0, content.length(), 6, 14)}, content);
        assertThat(html)
                .isEqualTo(
                        "攻击者提交 <mark>&lt;script&gt;</mark>alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    }

    @Test
    void overlappingMatchesOfAnIdentifierAndItsPartsMakeOneMark() {
        String content = "编辑 pg_hba.conf 文件";
        String html = new MarkPassageFormatter()
                .format(new Passage[] {passage(0, content.length(), 3, 14, 3, 5, 6, 9, 10, 14)}, content);
        assertThat(html).isEqualTo("编辑 <mark>pg_hba.conf</mark> 文件");
    }

    @Test
    void separatePassagesAreJoinedWithAnEllipsisAndLineBreaksBecomeSpaces() {
        String content = "第一句。\n第二句。第三句。";
        String html =
                new MarkPassageFormatter().format(new Passage[] {passage(0, 5, 0, 2), passage(9, 13, 9, 11)}, content);
        assertThat(html).isEqualTo("<mark>第一</mark>句。 … <mark>第三</mark>句。");
    }
}
