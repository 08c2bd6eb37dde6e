package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.TextFolding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Glosses are found by searching only around each opening parenthesis; they must be exactly the pairs the patterns
 * find when they search the whole folded text, which is what these tests compare.
 */
class BlogGlossesTest {

    /** Chinese cut into words of two characters, from the start: enough to exercise terms of several words. */
    private static final Function<String, List<String>> WORDS = run -> {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < run.length(); i += 2) {
            words.add(run.substring(i, Math.min(run.length(), i + 2)));
        }
        return words;
    };

    @Test
    void aTermBeforeItsGlossIsFoundWhateverComesBefore() {
        assertThat(pairs("这是一个很长很长很长很长很长的句子讲熔断（circuit breaker）的")).contains(Map.entry("熔断", "circuit breaker"));
        assertThat(pairs("we use one two three four five Service Mesh（服务网格）"))
                .contains(Map.entry("服务网格", "service mesh"));
        assertThat(pairs("ＡＢ（熔断）and 限流（Rate Limiting）")).contains(Map.entry("限流", "rate limiting"));
        assertThat(pairs("an open ( without a close, then 灰度发布（canary release）"))
                .contains(Map.entry("灰度发布", "canary release"));
        assertThat(pairs("在 VPC 之间创建虚拟专用网络 (VPN) 连接")).contains(Map.entry("虚拟专用网络", "vpn"));
        assertThat(pairs("查看 Summary ( 摘要 ) 选项卡")).contains(Map.entry("摘要", "summary"));
        assertThat(pairs("[链接](https://example.com) 熔断（circuit breaker")).isEmpty();
    }

    @Test
    void aGlossIsTheTermNotTheFunctionWordsOfTheSentenceAroundIt() {
        // English function words before the term belong to the sentence around it.
        assertThat(pairs("数据包被丢弃（or dropping）")).contains(Map.entry("丢弃", "dropping"));
        assertThat(pairs("路由转发（the next hop）")).contains(Map.entry("转发", "next hop"));
        assertThat(pairs("we use the mesh（服务网格）")).contains(Map.entry("服务网格", "mesh"));
        assertThat(pairs("数据包被丢弃（or dropping）")).extracting(Map.Entry::getValue).doesNotContain("or dropping");
        // Nothing but function words: kept as written, never emptied.
        assertThat(BlogGlosses.withoutLeadingFunctionWords("to be")).isEqualTo("be");
        assertThat(BlogGlosses.withoutLeadingFunctionWords("the")).isEqualTo("the");
    }

    @Test
    void anEnglishTermStandsForTheChineseTermItGlossesNotForACommonWord() {
        // 内核持久存储（BPF map）on a blog where 存储 (storage) is in 93 posts of 234 and 持久存储 in 9.
        BlogGlosses once =
                BlogGlosses.of("数据放在内核持久存储（BPF map）里。", WORDS).withPostCounts(234, Map.of("存储", 93, "持久存储", 9));
        assertThat(once.chinese("bpf map")).containsExactly("持久存储");
        // Nor does the common word stand for it: 存储 would find every post about a BPF map.
        assertThat(once.english("存储")).isEmpty();
        assertThat(once.english("持久存储")).containsExactly("bpf map");
        // Unless the English is what the glossary says the common word means: 存储 is storage (store).
        BlogGlosses senses = BlogGlosses.of(
                        "数据放在内核持久存储（BPF map）里。本地存储（storage）很快。",
                        WORDS,
                        word -> word.equals("存储") ? List.of("save", "store") : List.of())
                .withPostCounts(234, Map.of("存储", 93, "持久存储", 9, "本地存储", 2));
        assertThat(senses.english("存储")).containsExactly("storage");
        assertThat(senses.chinese("storage")).containsExactly("本地存储");

        // A rare word glossed once after a verb is the term: 熔断, not 实现熔断.
        BlogGlosses rare = BlogGlosses.of("我们实现熔断（circuit breaker）。", WORDS).withPostCounts(234, Map.of("熔断", 3));
        assertThat(rare.chinese("circuit breaker")).containsExactly("熔断");

        // Glossed after several words, the term is what the glosses end with most often.
        BlogGlosses often = BlogGlosses.union(List.of(
                BlogGlosses.of("我们实现熔断（circuit breaker）。", WORDS),
                BlogGlosses.of("服务熔断（circuit breaker）很常见。", WORDS),
                BlogGlosses.of("熔断（circuit breaker）", WORDS)));
        assertThat(often.chinese("circuit breaker")).containsExactly("熔断");

        // Two different terms for one English word stay two.
        BlogGlosses two = BlogGlosses.of("全局映射表（map），特征图（map）", WORDS);
        assertThat(two.chinese("map")).containsExactlyInAnyOrder("映射表", "特征图");
    }

    @Test
    void aModifierBeforeATermIsLeftOutOfTheHeadsEnglish() {
        BlogGlosses.Senses senses = word -> Map.of("路由", List.of("route", "router"), "实现", List.of("implement"))
                .getOrDefault(word, List.of());
        BlogGlosses glosses = BlogGlosses.of("配置路由策略（routing policy）。我们实现熔断（circuit breaker）。", WORDS, senses);
        // 路由 is route: 策略 is policy, and 路由策略 routing policy.
        assertThat(glosses.english("策略")).containsExactly("policy");
        assertThat(glosses.english("路由策略")).containsExactly("routing policy");
        // 实现 is not circuit: 熔断 is the whole term.
        assertThat(glosses.english("熔断")).containsExactly("circuit breaker");
    }

    @Test
    void wordsOfOneStemDifferOnlyInTheirEnding() {
        assertThat(BlogGlosses.sameStem("route", "routing")).isTrue();
        assertThat(BlogGlosses.sameStem("supervise", "supervised")).isTrue();
        assertThat(BlogGlosses.sameStem("domain", "domain-based")).isTrue();
        assertThat(BlogGlosses.sameStem("map", "maps")).isTrue();
        assertThat(BlogGlosses.sameStem("in", "internet")).isFalse();
        assertThat(BlogGlosses.sameStem("network", "neural")).isFalse();
    }

    @Test
    void theSamePairsAsSearchingTheWholeFoldedText() {
        Random random = new Random(20261206L);
        String[] pieces = {
            "熔断", "服务", "网格", "灰度", "發佈", "的", "在", "中", " ", " ", "  ", "(", ")", "（", "）", "circuit",
            "breaker", "Mesh", "ＡＷＳ", "k8s", "c++", "c#", "node.js", "a/b", "-", "_", ",", "，", "。", "x", "\n", "　",
            " (", "( ", " )", "（ ", "\t(", "](", "熔断 (", "Mesh (", "(熔断", "(circuit", "( 网格"
        };
        for (int text = 0; text < 3000; text++) {
            StringBuilder builder = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                builder.append(pieces[random.nextInt(pieces.length)]);
            }
            String sample = builder.toString();
            assertThat(pairs(sample)).as(sample).isEqualTo(wholeTextPairs(sample));
        }
    }

    private static Set<Map.Entry<String, String>> pairs(String text) {
        return new HashSet<>(BlogGlosses.of(text, WORDS).pairs());
    }

    /** Each match the patterns find in the whole folded text, read alone. */
    private static Set<Map.Entry<String, String>> wholeTextPairs(String text) {
        String folded = TextFolding.fold(text);
        Set<Map.Entry<String, String>> pairs = new HashSet<>();
        for (Pattern pattern : List.of(BlogGlosses.CHINESE_THEN_ENGLISH, BlogGlosses.ENGLISH_THEN_CHINESE)) {
            Matcher matcher = pattern.matcher(folded);
            while (matcher.find()) {
                pairs.addAll(BlogGlosses.of(matcher.group(), WORDS).pairs());
            }
        }
        return pairs;
    }
}
