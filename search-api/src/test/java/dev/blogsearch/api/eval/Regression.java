package dev.blogsearch.api.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The per-query figures of an eval run as {@code eval/regression.tsv} records them (qid, kind, query, nDCG@10 of
 * the whole query and of its last word typed to 50% and 75%), and what moved between two such files: a change in
 * ranking then names the queries it helped and hurt, not only the averages.
 */
final class Regression {

    static final String HEADER = "qid\tkind\tquery\tndcg\tndcg_50\tndcg_75";

    private Regression() {}

    /** The file's text for {@code report}, a line per judged query in the order of {@code queries.tsv}. */
    static String of(SearchQualityEvaluation.Report report) {
        StringBuilder tsv = new StringBuilder(HEADER).append('\n');
        for (SearchQualityEvaluation.Outcome outcome : report.outcomes()) {
            Judgments.Query query = outcome.query();
            tsv.append(String.join(
                            "\t",
                            query.id(),
                            query.kind(),
                            query.text(),
                            figure(outcome.ourScores()),
                            typed(outcome, 0.5),
                            typed(outcome, 0.75)))
                    .append('\n');
        }
        return tsv.toString();
    }

    /**
     * A line per query whose figures differ between {@code recorded} and {@code now} (or that only one of them
     * has), saying what each figure was and is; empty when nothing moved.
     */
    static List<String> moved(String recorded, String now) {
        Map<String, String[]> before = rows(recorded);
        Map<String, String[]> after = rows(now);
        String[] names = HEADER.split("\t", -1);
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, String[]> row : after.entrySet()) {
            String[] was = before.get(row.getKey());
            String[] is = row.getValue();
            if (was == null) {
                moved.add(row.getKey() + " `" + is[2] + "`: new, not in the recorded file");
                continue;
            }
            List<String> changes = new ArrayList<>();
            for (int column = 3; column < names.length; column++) {
                String a = column < was.length ? was[column] : "";
                String b = column < is.length ? is[column] : "";
                if (!a.equals(b)) {
                    changes.add(names[column] + " " + shown(a) + " -> " + shown(b) + direction(a, b));
                }
            }
            if (!changes.isEmpty() || !Objects.equals(was[2], is[2])) {
                moved.add(row.getKey() + " (" + is[1] + ") `" + is[2] + "`: "
                        + (changes.isEmpty() ? "query text changed" : String.join(", ", changes)));
            }
        }
        for (String qid : before.keySet()) {
            if (!after.containsKey(qid)) {
                moved.add(qid + ": recorded, no longer judged");
            }
        }
        return moved;
    }

    private static Map<String, String[]> rows(String tsv) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : tsv.split("\n", -1)) {
            if (!line.isBlank() && !line.equals(HEADER)) {
                String[] row = line.split("\t", -1);
                rows.put(row[0], row);
            }
        }
        return rows;
    }

    private static String typed(SearchQualityEvaluation.Outcome outcome, double share) {
        SearchQualityEvaluation.Typed typed = outcome.typed().get(share);
        return typed == null ? "" : figure(typed.scores());
    }

    private static String figure(Metrics.Scores scores) {
        return String.format(Locale.ROOT, "%.3f", scores.ndcg());
    }

    private static String shown(String figure) {
        return figure.isEmpty() ? "none" : figure;
    }

    private static String direction(String was, String is) {
        if (was.isEmpty() || is.isEmpty()) {
            return "";
        }
        return Double.parseDouble(is) > Double.parseDouble(was) ? " (up)" : " (down)";
    }
}
