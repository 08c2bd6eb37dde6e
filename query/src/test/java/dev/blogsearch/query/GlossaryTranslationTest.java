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
 * A Chinese word of a query finds the posts that write it in English through the general glossary, also when
 * CC-CEDICT gives its senses behind a qualifier (时间: "(concept of) time").
 */
class GlossaryTranslationTest {

    /** No built-in synonyms: what is found is found by the glossary. */
    private final QueryPlanner planner =
            new QueryPlanner(Synonyms.builtIn().without(term -> true), PlanTestBlog.ANALYZER);

    private final PostQueryBuilder builder = new PostQueryBuilder(PlanTestBlog.ANALYZER);

    private static final List<Document> BLOG = List.of(
            PlanTestBlog.post(0, "Where does the time go", "Tracking my time for a month showed the meetings."),
            PlanTestBlog.post(1, "Time zones in Go", "Store every time in UTC and convert it when shown."),
            PlanTestBlog.post(2, "Log levels", "Choose a log level for each package, and rotate the journal."));

    @Test
    void aWordWhoseSensesCarryAQualifierFindsThePostsThatWriteItInEnglish() throws IOException {
        try (DirectoryReader reader = PlanTestBlog.index(BLOG)) {
            QueryPlan plan = planner.plan(UserQuery.parse("时间"), reader);
            assertThat(plan.units().get(0).alternatives())
                    .extracting(QueryPlan.Form::text)
                    .as("时间 is glossed (concept of) time: the qualifier goes, the sense stays")
                    .contains("time");
            assertThat(search(reader, plan)).containsExactlyInAnyOrder("posts/0", "posts/1");
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
