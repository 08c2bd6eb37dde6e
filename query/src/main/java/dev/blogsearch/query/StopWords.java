package dev.blogsearch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words of a question that say nothing about its subject (如何, 怎么, what, how to). They are dropped from a query
 * that has other words, so "如何排查 goroutine 泄漏" looks for 排查, goroutine and 泄漏. A query made only of them
 * is searched as typed.
 *
 * <p>The Chinese ones are the language's closed classes, not a pick: the interrogative pronouns and adverbs (谁, 什么,
 * 哪, 怎么, 如何, 为什么, 多少…), the structural and modal particles, the common pronouns, prepositions and
 * conjunctions, and the auxiliary verbs a question is phrased with.
 */
public final class StopWords {

    /**
     * The interrogatives of two characters or more. A question typed without spaces glues them to its content words
     * (如何在Istio中实现熔断, smartcn may read 如 何在), so a Chinese run is cut at them before it is segmented
     * ({@link #splitAtQuestionWords}). None of them is part of a technical word.
     */
    private static final List<String> QUESTION_WORDS = List.of(
            "怎么样", "怎么办", "为什么", "是不是", "如何", "怎么", "怎样", "为何", "为啥", "什么", "哪些", "哪个", "哪里", "哪儿", "是否", "能否", "可否",
            "多少", "多久");

    private static final Set<String> WORDS = Set.of(
            // Chinese question words and particles
            "如何",
            "怎么",
            "怎样",
            "怎么样",
            "什么",
            "为什么",
            "为何",
            "哪些",
            "哪个",
            "是否",
            "是不是",
            "能否",
            "可否",
            "怎么办",
            "为啥",
            "哪里",
            "哪儿",
            "哪",
            "谁",
            "啥",
            "多少",
            "多久",
            "几",
            "的",
            "了",
            "吗",
            "呢",
            "吧",
            "啊",
            "呀",
            "嘛",
            "么",
            "着",
            "过",
            "他",
            "她",
            "它",
            "他们",
            "你们",
            "和",
            "与",
            "及",
            "或",
            "在",
            "中",
            "里",
            "把",
            "被",
            "有",
            "是",
            "一个",
            "一些",
            "这个",
            "那个",
            "这些",
            "那些",
            "我",
            "你",
            "我们",
            "可以",
            "能",
            "要",
            "会",
            "该",
            "之后",
            "之前",
            "时候",
            "以后",
            "用",
            "对",
            "从",
            "到",
            "给",
            "让",
            "都",
            "也",
            // English function words
            "a",
            "an",
            "the",
            "is",
            "are",
            "was",
            "were",
            "be",
            "to",
            "of",
            "in",
            "on",
            "for",
            "with",
            "and",
            "or",
            "how",
            "what",
            "why",
            "when",
            "where",
            "which",
            "who",
            "do",
            "does",
            "did",
            "can",
            "could",
            "should",
            "would",
            "i",
            "you",
            "we",
            "my",
            "your",
            "it",
            "its",
            "this",
            "that",
            "these",
            "those",
            "between",
            "about",
            "from",
            "by",
            "as",
            "at",
            "into",
            "vs");

    private StopWords() {}

    /**
     * A Chinese run cut before and after each of its interrogatives ({@code 如何在Istio中实现熔断}'s first run
     * {@code 如何在} is {@code 如何} and {@code 在}; {@code 为什么会丢包} is {@code 为什么} and {@code 会丢包}), so
     * each part can be segmented on its own; the run itself when it holds none.
     */
    public static List<String> splitAtQuestionWords(String run) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < run.length()) {
            String found = null;
            for (String word : QUESTION_WORDS) {
                if (run.startsWith(word, i)) {
                    found = word;
                    break;
                }
            }
            if (found == null) {
                i++;
                continue;
            }
            if (i > start) {
                parts.add(run.substring(start, i));
            }
            parts.add(found);
            i += found.length();
            start = i;
        }
        if (start < run.length()) {
            parts.add(run.substring(start));
        }
        return parts;
    }

    /** Whether a part of {@link #splitAtQuestionWords} is an interrogative. */
    public static boolean isQuestionWord(String part) {
        return QUESTION_WORDS.contains(part);
    }

    /** Whether a word says nothing about a subject: a question word or a particle (如何, 的, what, how). */
    public static boolean isStopWord(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
