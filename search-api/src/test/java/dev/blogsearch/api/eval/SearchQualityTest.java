package dev.blogsearch.api.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.testing.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eval command: runs the judged queries of {@code eval/} over the real blogs, prints the figures beside the
 * Lucene baseline's and, where Node.js runs it, MiniSearch's (a theme's search box: a reference, held to no floor),
 * writes per-query results and excerpts to {@code search-api/target/eval/}, and fails when one of our figures drops
 * below its floor in {@code eval/floors.properties} or when a query's figures differ from those recorded in
 * {@code eval/regression.tsv}. With {@value #REGENERATE} set to {@code true} it rewrites that file instead.
 */
class SearchQualityTest {

    /** The environment variable that rewrites {@code eval/regression.tsv} with this run's figures. */
    static final String REGENERATE = "BLOGSEARCH_EVAL_REGENERATE";

    /** The command eval/README.md gives, run from the repository's root. */
    static final String REGENERATE_COMMAND = REGENERATE + "=true mvn -B -q -pl search-api -am verify"
            + " -Dtest=SearchQualityTest -Dsurefire.failIfNoSpecifiedTests=false";

    @TempDir
    Path temp;

    @Test
    void rankingStaysAboveItsFloorsAndEachQueryScoresAsRecorded() throws IOException {
        Path evalDir = evalDir();
        Judgments judgments = Judgments.load(evalDir);
        MiniSearchBaseline.Lookup miniSearch = MiniSearchBaseline.locate(evalDir.getParent());
        SearchQualityEvaluation.Report report =
                SearchQualityEvaluation.run(judgments, SharedCorpus.dir(), temp, miniSearch.unlessRequired());

        Path out = Path.of("target", "eval");
        Files.createDirectories(out);
        report.writePerQuery(out.resolve("per-query.tsv"));
        report.writeExcerpts(out.resolve("excerpts.md"));
        String figures = Regression.of(report);
        Files.writeString(out.resolve("regression.tsv"), figures, StandardCharsets.UTF_8);
        Path recorded = evalDir.resolve("regression.tsv");
        boolean regenerate = "true".equals(System.getenv(REGENERATE));
        List<String> moved =
                regenerate ? List.of() : Regression.moved(Files.readString(recorded, StandardCharsets.UTF_8), figures);
        if (!moved.isEmpty()) {
            System.out.println("Queries whose figures moved since eval/regression.tsv:\n" + String.join("\n", moved));
        }
        System.out.println("Search quality over " + judgments.queries().size() + " judged queries (per query: "
                + out.resolve("per-query.tsv").toAbsolutePath() + ")\n" + report.table()
                + "\nAs typed: the queries whose last word can be cut, with it cut to 50% and 75% of its letters\n"
                + report.typingTable()
                + (report.hasMiniSearch()
                        ? report.miniSearchNote()
                        : "MiniSearch columns skipped: " + miniSearch.missing()));
        LeaveOneBlogOut.Report heldOut = LeaveOneBlogOut.run(judgments, SharedCorpus.dir(), temp, report);
        System.out.println("\nLeave one blog out: nDCG@10 as shipped (tuned) and without the synonym groups and"
                + " dictionary words of the blog's own judged queries (held out)\n" + heldOut.table());
        heldOut.writeRankings(out.resolve("held-out-rankings.tsv"));

        Properties floors = new Properties();
        try (InputStream in = Files.newInputStream(evalDir.resolve("floors.properties"))) {
            floors.load(in);
        }
        assertThat(report.ours().ndcg())
                .as("overall nDCG@10")
                .isGreaterThanOrEqualTo(Double.parseDouble(floors.getProperty("ndcg")));
        assertThat(report.ours().ndcg() - report.baseline().ndcg())
                .as("nDCG@10 gain over the baseline")
                .isGreaterThanOrEqualTo(Double.parseDouble(floors.getProperty("ndcg.gain")));
        assertThat(report.ours().zeroResultRate())
                .as("zero-result rate of queries with an answer")
                .isLessThanOrEqualTo(Double.parseDouble(floors.getProperty("zero.results")));
        assertThat(report.typedNdcg(0.5))
                .as("nDCG@10 with the last word typed to half its letters")
                .isGreaterThanOrEqualTo(Double.parseDouble(floors.getProperty("typed.50")));
        assertThat(report.typedNdcg(0.75))
                .as("nDCG@10 with the last word typed to three quarters of its letters")
                .isGreaterThanOrEqualTo(Double.parseDouble(floors.getProperty("typed.75")));
        for (String name : floors.stringPropertyNames()) {
            if (name.startsWith("heldout.ndcg.")) {
                String blog = name.substring("heldout.ndcg.".length());
                assertThat(heldOut.heldOut(blog, null))
                        .as("held-out nDCG@10 of " + blog)
                        .isGreaterThanOrEqualTo(Double.parseDouble(floors.getProperty(name)));
            }
            if (name.startsWith("heldout.gain.")) {
                String blog = name.substring("heldout.gain.".length());
                assertThat(heldOut.heldOut(blog, null) - heldOut.smartcn(blog, null))
                        .as("held-out nDCG@10 of " + blog + " minus stock smartcn's")
                        .isGreaterThanOrEqualTo(Double.parseDouble(floors.getProperty(name)));
            }
        }
        for (String name : floors.stringPropertyNames()) {
            if (name.startsWith("ndcg.") && !name.equals("ndcg.gain")) {
                String kind = name.substring("ndcg.".length());
                assertThat(report.oursFor(kind).ndcg())
                        .as("nDCG@10 of " + kind + " queries")
                        .isGreaterThanOrEqualTo(Double.parseDouble(floors.getProperty(name)));
            }
        }
        Path rankingsFile = evalDir.resolve(RecordedRankings.FILE);
        String rankings = RecordedRankings.of(report);
        Files.writeString(out.resolve(RecordedRankings.FILE), rankings, StandardCharsets.UTF_8);
        if (regenerate) {
            Files.writeString(recorded, figures, StandardCharsets.UTF_8);
            Files.writeString(rankingsFile, rankings, StandardCharsets.UTF_8);
            System.out.println("Rewrote " + recorded.toAbsolutePath() + " and " + rankingsFile.toAbsolutePath()
                    + ": commit them with the change that moved them.");
            return;
        }
        assertThat(moved)
                .as(
                        "queries whose figures differ from eval/regression.tsv (this run's: %s). If the change is meant,"
                                + " rewrite the file with `%s` and commit it with the change.",
                        out.resolve("regression.tsv").toAbsolutePath(), REGENERATE_COMMAND)
                .isEmpty();
        // An optimisation must not move a single result, even one that leaves every figure as it was.
        assertThat(RecordedRankings.differences(Files.readString(rankingsFile, StandardCharsets.UTF_8), rankings))
                .as(
                        "top 10s that differ from %s (- as recorded, + as now). If the change is meant to change"
                                + " ranking, rewrite it with `%s` and commit it with the change.",
                        rankingsFile, REGENERATE_COMMAND)
                .isEmpty();
    }

    /** The repository's {@code eval/} folder, from the module folder tests run in. */
    static Path evalDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("eval/queries.tsv"))) {
                return dir.resolve("eval");
            }
        }
        throw new IllegalStateException(
                "no eval/queries.tsv above " + Path.of("").toAbsolutePath());
    }
}
