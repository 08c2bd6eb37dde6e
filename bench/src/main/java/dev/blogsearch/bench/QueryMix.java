package dev.blogsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The query mix of the benchmarks: the judged eval queries ({@code eval/queries.tsv}) and as many again made
 * from the generated blog with a fixed seed: a Chinese word of a title, an English word, a tag, two words of one
 * title, and a Chinese word with an English one. One query a line, so {@code wrk}'s script can cycle through the
 * same list the in-process benchmark uses.
 *
 * <p>Usage: {@code QueryMix <eval queries.tsv> <content dir> <output file> [generated count]}.
 */
public final class QueryMix {

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
        // A sample of posts is plenty for a few hundred queries.
        TitleWords words = TitleWords.sample(content, 300, random);
        Set<String> queries = new LinkedHashSet<>();
        for (int attempt = 0; queries.size() < count && attempt < count * 20; attempt++) {
            String query = switch (attempt % 5) {
                case 0 -> pick(random, words.chinese());
                case 1 -> pick(random, words.english());
                case 2 -> pick(random, words.tags());
                case 3 -> twoWords(random, pick(random, words.titles()));
                default -> join(pick(random, words.chinese()), pick(random, words.english()));
            };
            if (query != null && !query.isBlank()) {
                queries.add(query);
            }
        }
        return List.copyOf(queries);
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
