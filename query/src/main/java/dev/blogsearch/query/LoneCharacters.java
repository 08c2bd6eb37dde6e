package dev.blogsearch.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Words made of the characters smartcn leaves alone. It cuts a word it does not know into single characters (集群: 集
 * 群, 贡献者: 贡献 者, 单播: 单 播), and a query or a gloss needs the word back.
 *
 * <ul>
 *   <li>Characters alone next to each other are words among themselves, two characters each, the last three when
 *       an odd number is left (单 播 泛 洪: 单播 泛洪; 集 群: 集群). Most Chinese words have two characters, and a
 *       word before them is a word smartcn knows: gluing them to it (属于 单 播: 属于单播) made a word no post
 *       writes, and a query of it found nothing.
 *   <li>A character alone between words is an affix of the word before it (贡献 者: 贡献者; 持久 化: 持久化), or,
 *       first in the run, of the word after it (全 连接: 全连接).
 * </ul>
 *
 * Only characters next to each other in the text are joined: a dropped particle between them keeps them apart.
 */
final class LoneCharacters {

    private LoneCharacters() {}

    /** {@code words}, in order, with their lone characters joined as above; {@code run} is the text they come from. */
    static List<String> join(List<String> words, String run) {
        List<String> joined = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int end = endOfSingles(words, i, run);
            if (end - i >= 2) {
                for (int from = i; from < end; ) {
                    int size = end - from == 3 ? 3 : 2;
                    joined.add(String.join("", words.subList(from, from + size)));
                    from += size;
                }
                i = end;
                continue;
            }
            String word = words.get(i);
            String last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            if (isSingle(word) && last != null && run.contains(last + word)) {
                joined.set(joined.size() - 1, last + word);
            } else if (isSingle(word) && last == null && next != null && run.contains(word + next)) {
                joined.add(word + next);
                i++;
            } else {
                joined.add(word);
            }
            i++;
        }
        return joined;
    }

    /** Where the characters alone from {@code from} on, next to each other in {@code run}, end. */
    private static int endOfSingles(List<String> words, int from, String run) {
        int end = from;
        StringBuilder together = new StringBuilder();
        while (end < words.size() && isSingle(words.get(end)) && run.contains(together + words.get(end))) {
            together.append(words.get(end));
            end++;
        }
        return end;
    }

    static boolean isSingle(String word) {
        return word.codePointCount(0, word.length()) == 1;
    }
}
