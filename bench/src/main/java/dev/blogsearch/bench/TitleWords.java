package dev.blogsearch.bench;

import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Words of a generated blog's titles and its tags, as the index sees them: what the benchmark queries that are not
 * judged eval queries are made of. Read from a seeded random sample of posts (drawn with replacement), because the
 * generator takes every title from the few hundred titles of the corpus blogs, so a sample holds the vocabulary.
 *
 * @param chinese    title words that start with a CJK character, in sample order (repeats kept: frequent words
 *                   are drawn more often, as they are in the blog)
 * @param english    the other title words (Latin letters, digits, symbols such as {@code c++})
 * @param tags       the sampled posts' tags as their authors wrote them
 * @param titles     each sampled post's title words in order
 */
record TitleWords(List<String> chinese, List<String> english, List<String> tags, List<List<String>> titles) {

    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    TitleWords {
        chinese = List.copyOf(chinese);
        english = List.copyOf(english);
        tags = List.copyOf(tags);
        titles = titles.stream().map(List::copyOf).toList();
    }

    /** Reads {@code samples} posts drawn at random (with replacement) from the blog in {@code content}. */
    static TitleWords sample(Path content, int samples, Random random) throws IOException {
        HugoPostReader reader = IndexSettings.defaults().newReader();
        List<Path> files = reader.listPosts(content);
        List<String> chinese = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<List<String>> titles = new ArrayList<>();
        for (int i = 0; i < Math.min(files.size(), samples); i++) {
            Post post;
            try {
                post = reader.read(content, files.get(random.nextInt(files.size())));
            } catch (PostReadException e) {
                continue;
            }
            List<String> words = words(post.title());
            titles.add(words);
            for (String word : words) {
                (isChinese(word) ? chinese : english).add(word);
            }
            tags.addAll(post.tags());
        }
        return new TitleWords(chinese, english, tags, titles);
    }

    /** How often each word occurs in the sampled titles: a measure of how much the blog writes about it. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> title : titles) {
            for (String word : title) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    static boolean isChinese(String word) {
        return word.codePointAt(0) >= 0x2E80;
    }

    /** The words of a title (or query) as the index sees them, without one-letter and numeric noise. */
    static List<String> words(String title) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(PostFields.TITLE, title)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (word.codePointCount(0, word.length()) >= 2 && !word.chars().allMatch(Character::isDigit)) {
                    words.add(word);
                }
            }
            stream.end();
        }
        return words;
    }
}
