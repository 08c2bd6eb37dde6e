package dev.blogsearch.query;

import static dev.blogsearch.query.PlanTestBlog.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A gloss stands for the term it follows, not for a common phrase the text before it ends in: 毫不客气地说（ma）
 * glosses ma with 毫不客气地说, never with 地说, which most posts written in Chinese have (简单地说, 具体地说).
 */
class GlossedTermsTest {

    @RegisterExtension
    static final IndexedBlog blog = new IndexedBlog(
            post("outage", "事故复盘", "他们毫不客气地说（ma）这次事故是人为的。"),
            post("containers", "容器", "简单地说，容器就是进程。"),
            post("scheduling", "调度", "具体地说，调度器为容器选择节点。"),
            post("bridges", "网桥", "简单地说，网桥转发数据包。"),
            post("volumes", "卷", "确切地说，卷是一个目录。"),
            post("logs", "日志", "简单地说，日志是事件流。"),
            post("metrics", "指标", "严格地说，指标是时间序列。"),
            post("queues", "队列", "Kafka 放入一个队列（queue），再由消费者取出。"));

    @Test
    void aCommonPhraseBeforeAGlossIsNotItsTerm() throws IOException {
        assertThat(PlanTestBlog.forms(blog.plan("ma")))
                .extracting(QueryPlan.Form::text)
                .doesNotContain("地说");
        assertThat(blog.search("ma")).containsExactly("outage");
    }

    /**
     * A stop word that smartcn cuts into characters (放入一个队列: 放 入 一 个 队列) is still a stop word once they are
     * joined, as when smartcn cuts it whole: no gloss's term begins with it.
     */
    @Test
    void aStopWordCutIntoCharactersBeginsNoGlossedTerm() throws IOException {
        assertThat(PlanTestBlog.plannerWithoutSynonyms().glosses(blog.reader()).pairs())
                .contains(Map.entry("队列", "queue"))
                .noneMatch(pair -> pair.getKey().contains("一个"));
    }
}
