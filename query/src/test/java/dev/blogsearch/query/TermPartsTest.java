package dev.blogsearch.query;

import static dev.blogsearch.query.PlanTestBlog.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A query finds the posts written with its term in the other language when the blog writes that term only in
 * parts: 单播, which smartcn does not know (单 播); 策略, glossed only with a modifier before it (路由策略（routing
 * policy）); and terms of two words, whose posts rank as posts that have the typed words together (网络策略 and
 * network policy, bpf map and 持久存储, memory model and 内存模型, optimistic lock and 乐观锁).
 */
class TermPartsTest {

    @RegisterExtension
    static final IndexedBlog blog = new IndexedBlog(
            post("switching-zh", "交换机如何转发", "目的 MAC 不在表中的帧叫未知单播（unknown unicast），交换机只能泛洪（flood）。它们属于单播（unicast）地址。"),
            post("flooding", "OVS forwards unknown unicast", "Unknown unicast frames flood every port of the bridge."),
            post("bgp-zh", "数据中心里的 BGP", "BGP 支持路由策略（routing policy），也支持宏策略（macro policy）。"),
            post(
                    "network-policy",
                    "Cracking Kubernetes network policy",
                    "A network policy selects pods and says which traffic may reach them."),
            post("routing", "Routing tables", "Every router keeps a routing table."),
            post("bpf-glossary-zh", "BPF 术语", "内核持久存储（BPF map）和映射（map）是两回事。"),
            post("bpf-store-zh", "计数器笔记", "BPF 程序把每个连接的计数放在持久存储里，用户态程序定期读出来。"),
            post("bpf-apart-zh", "程序笔记", "BPF 的映射。BPF 的映射。BPF 的映射。"),
            post("memory-gloss-zh", "程序为什么慢", "程序的内存（memory）不够时会换页。"),
            post("memory-model-zh", "编程语言笔记", "编程语言的内存模型决定了一个线程何时看到另一个线程的写入。"),
            post("events", "Event sourcing", "A data model for events, and how to replay them."),
            post("cpu-modes", "CPU modes", "A program runs in user mode until a system call enters kernel mode."),
            post("llm-zh", "大模型笔记", "大模型需要很多内存：模型越大，内存越多，模型参数都在内存里。"),
            post("apart-zh", "网络运维笔记", "网络的规模越来越大，机房、线路和设备都在增加，运维的策略也要跟上。"),
            post("lock-zh", "并发控制笔记", "乐观锁在提交时检查版本号，冲突了就重试。"),
            post("mood-zh", "周末", "天气不错，心情乐观。"));

    @Test
    void wordsSmartcnCutsIntoCharactersAreWordsOfTheQuery() throws IOException {
        // 未知 单 播 泛 洪: 未知, 单播, 泛洪, each with the English the blog glosses it with.
        assertThat(blog.plan("未知单播泛洪").units())
                .extracting(QueryPlan.Unit::primary)
                .containsExactly("未知", "单播", "泛洪");
        assertThat(blog.search("未知单播泛洪")).contains("flooding");
    }

    @Test
    void aHeadWordGlossedOnlyAfterAModifierStandsForTheHeadsEnglish() throws IOException {
        assertThat(blog.search("策略")).contains("network-policy");
        // The modifier's English is not the head's: 策略 alone does not find the routing table post.
        assertThat(blog.search("策略")).doesNotContain("routing");
    }

    @Test
    void aPostWithTheWholeTermInChineseRanksAsAPostWithTheEnglishWordsTogether() throws IOException {
        // bpf map is what the blog glosses 持久存储: a post with it ranks above one with BPF and map's own 映射, however
        // often.
        List<String> found = blog.search("bpf map");
        assertThat(found.indexOf("bpf-store-zh")).isLessThan(found.indexOf("bpf-apart-zh"));
    }

    @Test
    void englishWordsTypedTogetherFindTheChineseTermTheirChineseMake() throws IOException {
        // memory: the blog's 内存; model: the glossary's 模型; the blog writes 内存模型, the post about it comes first.
        assertThat(blog.search("memory model")).startsWith("memory-model-zh").contains("llm-zh");
        // While model is being typed, as the completion that stands for it.
        QueryPlan typing = blog.plan("memory mod", PlanOptions.TYPING);
        assertThat(blog.search(typing)).startsWith("memory-model-zh");
    }

    @Test
    void aWordsChineseMayBeASingleCharacter() throws IOException {
        // optimistic: 乐观, a word of the blog; lock: 锁, a character the glossary has for it. The blog writes 乐观锁.
        assertThat(blog.search("optimistic lock")).startsWith("lock-zh");
    }

    @Test
    void aWordBeingTypedComposesAsTheWordsItMayBecome() throws IOException {
        // mode is a word of the blog, and model begins with it: typed so far, memory mode may still be memory model.
        QueryPlan typing = blog.plan("memory mode", PlanOptions.TYPING);
        assertThat(blog.search(typing)).startsWith("memory-model-zh");
        // Finished, it is memory mode, which the blog does not write in Chinese.
        assertThat(blog.search("memory mode ")).doesNotContain("memory-model-zh");
    }

    @Test
    void aPostWithTheWholeTermInEnglishRanksAsAPostWithTheWordsTogether() throws IOException {
        // 网络策略 typed in one piece: network policy, the whole term, above 网络 and 策略 apart.
        assertThat(blog.search("网络策略")).startsWith("network-policy").contains("apart-zh");
    }
}
