package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;

/**
 * Chinese words typed together that neither the blog's glosses nor the glossary have as a whole (日志收集) find the
 * posts that write them in English, through the English the blog writes as a phrase composed of each word's.
 */
class ComposedTranslationTest {

    /** No built-in synonyms: what is found is found by glosses and translations. */
    private final QueryPlanner planner = PlanTestBlog.plannerWithoutSynonyms();

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
            assertThat(PlanTestBlog.search(reader, plan).subList(0, 2))
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
            assertThat(PlanTestBlog.forms(plan))
                    .extracting(QueryPlan.Form::kind)
                    .as("log and collection are in the blog, never as log collection")
                    .doesNotContain(QueryPlan.Kind.COMPOSED);
        }
    }

    private static final List<Document> PIECES_BLOG = List.of(
            PlanTestBlog.post(
                    0, "Injecting into pods", "Every pod gets a sidecar proxy, injected when the pod is admitted."),
            PlanTestBlog.post(1, "Functions that scale to zero", "A serverless function runs only on a request."),
            PlanTestBlog.post(2, "Dependency injection", "Inject the client into the handler."),
            PlanTestBlog.post(3, "Durable streams", "Message persistence: every message is written to disk first."),
            PlanTestBlog.post(4, "A car on the side road", "The vehicle stopped by the side of the road."));

    @Test
    void aWordTheGlossaryLacksIsSearchedAsTheEnglishItsPiecesMake() throws IOException {
        try (DirectoryReader reader = PlanTestBlog.index(PIECES_BLOG)) {
            assertThat(PlanTestBlog.forms(planner.plan(UserQuery.parse("边车"), reader)))
                    .as("边 side, 车 car: joined, as the blog writes it")
                    .contains(new QueryPlan.Form("sidecar", 0.5f, QueryPlan.Kind.COMPOSED));
            assertThat(PlanTestBlog.search(reader, planner.plan(UserQuery.parse("边车"), reader)))
                    .as("the post about sidecars, not the one about a car on the side of a road")
                    .first()
                    .isEqualTo("posts/0");
            assertThat(PlanTestBlog.forms(planner.plan(UserQuery.parse("无服务器"), reader)))
                    .as("无's affix -less goes after 服务器's server, where English puts it")
                    .contains(new QueryPlan.Form("serverless", 0.5f, QueryPlan.Kind.COMPOSED));
            assertThat(PlanTestBlog.search(reader, planner.plan(UserQuery.parse("无服务器"), reader)))
                    .first()
                    .isEqualTo("posts/1");
            assertThat(PlanTestBlog.search(reader, planner.plan(UserQuery.parse("边车代理"), reader)))
                    .as("the composed word composes the run it is typed in: sidecar proxy")
                    .first()
                    .isEqualTo("posts/0");
        }
    }

    @Test
    void aLoneCharacterThatComposesNothingLeavesTheWordItsOtherPiece() throws IOException {
        try (DirectoryReader reader = PlanTestBlog.index(PIECES_BLOG)) {
            QueryPlan plan = planner.plan(UserQuery.parse("持久化"), reader);
            assertThat(PlanTestBlog.forms(plan))
                    .as("持久 persistent, in the form the blog has; 化 only makes it another part of speech")
                    .contains(new QueryPlan.Form("persistence", 0.5f, QueryPlan.Kind.COMPOSED));
            assertThat(PlanTestBlog.search(reader, plan)).containsExactly("posts/3");
        }
    }

    @Test
    void aVerbIsComposedAsTheNounTheBlogWritesEvenWhenItsStemChanges() throws IOException {
        List<Document> jobs = List.of(
                PlanTestBlog.post(0, "Submission timeouts", "A submission timeout cancels the job after a minute."),
                PlanTestBlog.post(1, "Timeouts everywhere", "Every request has a timeout."),
                PlanTestBlog.post(2, "Submission forms", "A form's submission posts its fields."));
        try (DirectoryReader reader = PlanTestBlog.index(jobs)) {
            QueryPlan plan = planner.plan(UserQuery.parse("提交超时"), reader);
            assertThat(PlanTestBlog.forms(plan))
                    .as("提交 submit, 超时 timeout: submit's noun is submission, mit becoming miss")
                    .contains(new QueryPlan.Form("submission timeout", 0.5f, QueryPlan.Kind.COMPOSED));
            assertThat(PlanTestBlog.search(reader, plan)).first().isEqualTo("posts/0");
        }
    }

    @Test
    void aWordTheGlossaryHasIsNotComposedOfItsPieces() throws IOException {
        List<Document> blocks = List.of(
                PlanTestBlog.post(0, "Block sizes", "Each block of the disk holds 4 KiB; a section holds many."),
                PlanTestBlog.post(1, "Chains of trust", "A certificate chain ends at a root."));
        try (DirectoryReader reader = PlanTestBlog.index(blocks)) {
            QueryPlan plan = planner.plan(UserQuery.parse("区块链"), reader);
            assertThat(PlanTestBlog.forms(plan))
                    .extracting(QueryPlan.Form::kind)
                    .as("区块链 is blockchain, which the blog never writes: not block, section or chain")
                    .doesNotContain(QueryPlan.Kind.COMPOSED);
            assertThat(PlanTestBlog.search(reader, plan)).isEmpty();
        }
    }
}
