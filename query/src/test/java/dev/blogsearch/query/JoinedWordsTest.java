package dev.blogsearch.query;

import static dev.blogsearch.query.PlanTestBlog.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two English words typed apart also find the posts that write them as one word: leaf node, leafnode (a setting's
 * name); web socket, websocket.
 */
class JoinedWordsTest {

    private final QueryPlanner planner = PlanTestBlog.plannerWithoutSynonyms();

    private static DirectoryReader reader;

    @BeforeAll
    static void indexABlog() throws IOException {
        reader = PlanTestBlog.index(List.of(
                post(
                        "edge-config",
                        "Edge servers",
                        "Add a leafnode block with its remotes to the server configuration."),
                post("leaf-prose", "Leaf node", "A leaf node connects a small site to the hub."),
                post("trees", "Trees", "Every leaf is a node without children, and a root is a node too."),
                post("browser", "From the browser", "The browser connects over a websocket, then subscribes.")));
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    @Test
    void wordsTypedApartFindThePostsThatWriteThemAsOne() throws IOException {
        QueryPlan plan = planner.plan(UserQuery.parse("leaf node"), reader);
        assertThat(PlanTestBlog.forms(plan)).contains(new QueryPlan.Form("leafnode", 0.8f, QueryPlan.Kind.JOINED));
        assertThat(PlanTestBlog.search(reader, plan)).contains("edge-config", "leaf-prose", "trees");
        assertThat(PlanTestBlog.search(reader, planner, "web socket")).containsExactly("browser");
    }

    @Test
    void aWordBeingTypedJoinsAsTheWordsItMayBecome() throws IOException {
        // nod is no word of the blog: it stands for node, its completion, and leafnode is found as for leaf node.
        QueryPlan typing = planner.plan(UserQuery.parse("leaf nod"), reader, PlanOptions.TYPING);
        assertThat(PlanTestBlog.search(reader, typing)).contains("edge-config", "leaf-prose");
    }

    @Test
    void onlyAWordTheBlogHasIsJoined() throws IOException {
        assertThat(PlanTestBlog.forms(planner.plan(UserQuery.parse("root node"), reader)))
                .extracting(QueryPlan.Form::kind)
                .doesNotContain(QueryPlan.Kind.JOINED);
    }
}
