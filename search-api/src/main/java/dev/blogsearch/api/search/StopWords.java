package dev.blogsearch.api.search;

import java.util.Locale;
import java.util.Set;

/**
 * Words of a question that say nothing about its subject (如何, 怎么, what, how to). They are dropped from a query
 * that has other words, so "如何排查 goroutine 泄漏" looks for 排查, goroutine and 泄漏. A query made only of them
 * is searched as typed.
 */
final class StopWords {

    private static final Set<String> WORDS = Set.of(
            // Chinese question words and particles
            "如何", "怎么", "怎样", "怎么样", "什么", "为什么", "为何", "哪些", "哪个", "是否", "是不是", "能否",
            "的", "了", "吗", "呢", "吧", "啊", "和", "与", "及", "或", "在", "中", "里", "把", "被", "有", "是",
            "一个", "一些", "这个", "那个", "这些", "那些", "我", "你", "我们", "可以", "能", "要", "会", "该",
            "之后", "之前", "时候", "以后", "如何用", "怎么用", "用", "对", "从", "到", "给", "让", "都", "也",
            // English function words
            "a", "an", "the", "is", "are", "was", "were", "be", "to", "of", "in", "on", "for", "with", "and", "or",
            "how", "what", "why", "when", "where", "which", "who", "do", "does", "did", "can", "could", "should",
            "would", "i", "you", "we", "my", "your", "it", "its", "this", "that", "these", "those", "between",
            "about", "from", "by", "as", "at", "into", "vs");

    private StopWords() {
    }

    static boolean isStopWord(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
