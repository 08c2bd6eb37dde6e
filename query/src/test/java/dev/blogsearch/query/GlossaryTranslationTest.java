package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;

/**
 * A Chinese word of a query finds the posts that write it in English through the general glossary, also when
 * CC-CEDICT gives its senses behind a qualifier (时间: "(concept of) time"), and when the blog writes only the last
 * word of its English compound (智能体, intelligent agent: agent).
 */
class GlossaryTranslationTest {

    /** No built-in synonyms: what is found is found by the glossary. */
    private final QueryPlanner planner = PlanTestBlog.plannerWithoutSynonyms();

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
            assertThat(PlanTestBlog.search(reader, plan)).containsExactlyInAnyOrder("posts/0", "posts/1");
        }
    }

    @Test
    void aCompoundWhoseQualifierTheBlogNeverWritesIsSearchedAsItsLastWord() throws IOException {
        List<Document> blog = List.of(
                PlanTestBlog.post(0, "Coordinating AI agent teams", "Each agent subscribes to a subject."),
                PlanTestBlog.post(1, "Agents that call tools", "An agent asks a model, then calls a tool."),
                PlanTestBlog.post(2, "Log levels", "Info is an intelligent default for each package."));
        try (DirectoryReader reader = PlanTestBlog.index(blog)) {
            QueryPlan plan = planner.plan(UserQuery.parse("智能体"), reader);
            assertThat(PlanTestBlog.forms(plan))
                    .extracting(QueryPlan.Form::text)
                    .as("智能体 is intelligent agent; the blog writes agent and intelligent, never the two together")
                    .contains("agent")
                    .doesNotContain("intelligent agent");
            assertThat(PlanTestBlog.search(reader, plan)).containsExactlyInAnyOrder("posts/0", "posts/1");
        }
    }
}
