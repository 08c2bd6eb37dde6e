package dev.blogsearch.bench;

import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The query mix of the benchmarks: the judged eval queries ({@code eval/queries.tsv}) and as many again made
 * from the generated blog with a fixed seed: a Chinese word of a title, an English word, a tag, two words of one
 * title, and a Chinese word with an English one. One query a line, so {@code wrk}'s script can cycle through the
 * same list the in-process benchmark uses.
 *
 * <p>Usage: {@code QueryMix <eval queries.tsv> <content dir> <output file> [generated count]}.
 */
public final class QueryMix {

    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    public static void main(String[] args) throws IOException {
        Path evalQueries = Path.of(args[0]);
        Path content = Path.of(args[1]).toAbsolutePath().normalize();
        Path out = Path.of(args[2]);
        int generated = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        List<String> queries = new ArrayList<>(evalQueries(evalQueries));
        queries.addAll(generate(content, generated, new Random(CorpusGenerator.DEFAULT_SEED)));
        Files.write(out, queries, StandardCharsets.UTF_8);
        System.out.println("Wrote " + queries.size() + " queries to " + out);
    }

    static List<String> evalQueries(Path tsv) throws IOException {
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            if (columns.length >= 4 && !columns[0].equals("qid") && !columns[3].isBlank()) {
                queries.add(columns[3].strip());
            }
        }
        return queries;
    }

    static List<String> generate(Path content, int count, Random random) throws IOException {
        HugoPostReader reader = IndexSettings.defaults().newReader();
        List<Path> files = reader.listPosts(content);
        List<String> chinese = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<List<String>> titleWords = new ArrayList<>();
        // A sample of posts is plenty for a few hundred queries.
        for (int i = 0; i < Math.min(files.size(), 300); i++) {
            Post post;
            try {
                post = reader.read(content, files.get(random.nextInt(files.size())));
            } catch (PostReadException e) {
                continue;
            }
            List<String> words = words(post.title());
            titleWords.add(words);
            for (String word : words) {
                (word.codePointAt(0) >= 0x2E80 ? chinese : english).add(word);
            }
            tags.addAll(post.tags());
        }
        Set<String> queries = new LinkedHashSet<>();
        for (int attempt = 0; queries.size() < count && attempt < count * 20; attempt++) {
            String query = switch (attempt % 5) {
                case 0 -> pick(random, chinese);
                case 1 -> pick(random, english);
                case 2 -> pick(random, tags);
                case 3 -> twoWords(random, pick(random, titleWords));
                default -> join(pick(random, chinese), pick(random, english));
            };
            if (query != null && !query.isBlank()) {
                queries.add(query);
            }
        }
        return List.copyOf(queries);
    }

    /** The words of a title as the index sees them, without one-letter and numeric noise. */
    private static List<String> words(String title) throws IOException {
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

    private static String twoWords(Random random, List<String> words) {
        if (words == null || words.size() < 2) {
            return null;
        }
        int first = random.nextInt(words.size() - 1);
        return join(words.get(first), words.get(first + 1));
    }

    private static String join(String a, String b) {
        return a == null || b == null ? null : a + " " + b;
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }
}
