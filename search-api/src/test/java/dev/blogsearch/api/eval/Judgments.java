package dev.blogsearch.api.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged test set in {@code eval/}: queries ({@code queries.tsv}: qid, blog, kind, query) and graded
 * relevance ({@code qrels.tsv}: qid, docid, grade; 2 = what the reader wants, 1 = useful).
 */
record Judgments(List<Query> queries) {

    /** A query with its relevant posts by id and grade. */
    record Query(String id, String blog, String kind, String text, Map<String, Integer> grades) {
        boolean hasAnswer() {
            return !grades.isEmpty();
        }
    }

    static Judgments load(Path dir) throws IOException {
        Map<String, Map<String, Integer>> grades = new HashMap<>();
        for (String[] row : rows(dir.resolve("qrels.tsv"))) {
            grades.computeIfAbsent(row[0], id -> new LinkedHashMap<>()).put(row[1], Integer.parseInt(row[2].strip()));
        }
        List<Query> queries = new ArrayList<>();
        for (String[] row : rows(dir.resolve("queries.tsv"))) {
            queries.add(new Query(row[0], row[1], row[2], row[3], grades.getOrDefault(row[0], Map.of())));
        }
        return new Judgments(List.copyOf(queries));
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
