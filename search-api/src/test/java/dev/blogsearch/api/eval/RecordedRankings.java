package dev.blogsearch.api.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorded outcome of the eval, {@code eval/expected-rankings.tsv}: the top 10 of every judged query, whole and
 * as typed part way ({@link TypedPrefix}), from which every figure of the eval follows. An optimisation leaves every line as
 * it is; a change meant to change ranking records the file again and its diff shows which queries moved.
 */
final class RecordedRankings {

    /** The file, in {@code eval/}. */
    static final String FILE = "expected-rankings.tsv";

    private static final String HEADER = """
            # The top 10 of every judged query (eval/queries.tsv) as SearchQualityTest ranks them, whole (typed 100) and
            # with the last word typed to 50% and 75% of its letters: the eval's figures follow from them.
            # SearchQualityTest fails when a line differs. Rewrite it (with regression.tsv), on purpose and only with
            # a change meant to change ranking (say so in its commit), with:
            #   {command}
            qid\ttyped\tquery\ttop10
            """;

    private RecordedRankings() {}

    /** The file's text for a report. */
    static String of(SearchQualityEvaluation.Report report) {
        StringBuilder text = new StringBuilder(HEADER.replace("{command}", SearchQualityTest.REGENERATE_COMMAND));
        for (SearchQualityEvaluation.Outcome outcome : report.outcomes()) {
            row(text, outcome.query().id(), "100", outcome.query().text(), outcome.ours());
            for (Map.Entry<Double, SearchQualityEvaluation.Typed> typed :
                    outcome.typed().entrySet()) {
                String share = Long.toString(Math.round(typed.getKey() * 100));
                row(
                        text,
                        outcome.query().id(),
                        share,
                        typed.getValue().text(),
                        typed.getValue().ids());
            }
        }
        return text.toString();
    }

    /**
     * The lines of {@code expected} missing from {@code actual} ({@code - }) and the lines of {@code actual} missing
     * from {@code expected} ({@code + }): a changed ranking shows as its old and its new line.
     */
    static List<String> differences(String expected, String actual) {
        Set<String> before = new LinkedHashSet<>(expected.lines().toList());
        Set<String> after = new LinkedHashSet<>(actual.lines().toList());
        List<String> differences = new ArrayList<>();
        for (String line : before) {
            if (!after.contains(line)) {
                differences.add("- " + line);
            }
        }
        for (String line : after) {
            if (!before.contains(line)) {
                differences.add("+ " + line);
            }
        }
        return differences;
    }

    private static void row(StringBuilder text, String qid, String typed, String query, List<String> ids) {
        text.append(qid)
                .append('\t')
                .append(typed)
                .append('\t')
                .append(query)
                .append('\t')
                .append(String.join(" ", ids))
                .append('\n');
    }
}
