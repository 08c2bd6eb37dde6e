package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * Chinese words typed together that neither the blog's glosses nor the glossary have as a whole (日志收集) find the
 * posts that write them in English, through the English the blog writes as a phrase composed of each word's.
 */
class ComposedTranslationTest {

    /** No built-in synonyms: what is found is found by glosses and translations. */
    private final QueryPlanner planner =
            new QueryPlanner(Synonyms.builtIn().without(term -> true), PlanTestBlog.ANALYZER);

    private final PostQueryBuilder builder = new PostQueryBuilder(PlanTestBlog.ANALYZER);

    private static final List<Document> BLOG = List.of(
            PlanTestBlog.post(
                    0, "Shipping logs with Fluent Bit", "Log collection on every node: an agent tails files."),
            PlanTestBlog.post(1, "A central log pipeline", "Our log collection runs as a DaemonSet."),
            PlanTestBlog.post(2, "Log levels", "Choose a log level for each package, and rotate the journal."),
            PlanTestBlog.post(3, "Collecting metrics", "We collect metrics every minute; the collection is cheap."),
            PlanTestBlog.post(4, "Gathering requirements", "We gather what users want before we write code."));

    @Test
    void wordsTypedTogetherAreSearchedAsThePhraseTheBlogWritesForTheirParts() throws IOException {
        try (DirectoryReader reader = PlanTestBlog.index(BLOG)) {
            QueryPlan plan = planner.plan(UserQuery.parse("日志收集"), reader);
            assertThat(plan.units())
                    .as("each word of the run gets the phrase, as a translation of the whole run would be")
                    .allSatisfy(unit -> assertThat(unit.alternatives())
                            .contains(new QueryPlan.Form("log collection", 0.5f, QueryPlan.Kind.COMPOSED)));
            assertThat(plan.units().get(0).alternatives())
                    .extracting(QueryPlan.Form::text)
                    .as("a combination the blog does not write is not searched")
                    .doesNotContain("journal collection", "log gather", "logs collect");
            assertThat(search(reader, plan).subList(0, 2))
                    .as("the posts about log collection first, above one about logs and one about collecting")
                    .containsExactlyInAnyOrder("posts/0", "posts/1");
        }
    }

    @Test
    void partsTheBlogNeverWritesTogetherAreNotComposed() throws IOException {
        List<Document> apart = List.of(
                PlanTestBlog.post(0, "Log levels", "Choose a log level for each package."),
                PlanTestBlog.post(1, "Collecting metrics", "The collection of metrics is cheap."));
        try (DirectoryReader reader = PlanTestBlog.index(apart)) {
            QueryPlan plan = planner.plan(UserQuery.parse("日志收集"), reader);
            assertThat(plan.units())
                    .flatExtracting(QueryPlan.Unit::alternatives)
                    .extracting(QueryPlan.Form::kind)
                    .as("log and collection are in the blog, never as log collection")
                    .doesNotContain(QueryPlan.Kind.COMPOSED);
        }
    }

    private List<String> search(DirectoryReader reader, QueryPlan plan) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(builder.build(plan, PostFilters.NONE, true), 10).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get(PostFields.ID));
        }
        return ids;
    }
}
