package dev.blogsearch.query;

import static dev.blogsearch.query.PlanTestBlog.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two English words typed apart also find the posts that write them as one word: leaf node, leafnode (a setting's
 * name); web socket, websocket.
 */
class JoinedWordsTest {

    @RegisterExtension
    static final IndexedBlog blog = new IndexedBlog(
            post("edge-config", "Edge servers", "Add a leafnode block with its remotes to the server configuration."),
            post("leaf-prose", "Leaf node", "A leaf node connects a small site to the hub."),
            post("trees", "Trees", "Every leaf is a node without children, and a root is a node too."),
            post("browser", "From the browser", "The browser connects over a websocket, then subscribes."));

    @Test
    void wordsTypedApartFindThePostsThatWriteThemAsOne() throws IOException {
        QueryPlan plan = blog.plan("leaf node");
        assertThat(PlanTestBlog.forms(plan)).contains(new QueryPlan.Form("leafnode", 0.8f, QueryPlan.Kind.JOINED));
        assertThat(blog.search(plan)).contains("edge-config", "leaf-prose", "trees");
        assertThat(blog.search("web socket")).containsExactly("browser");
    }

    @Test
    void aWordBeingTypedJoinsAsTheWordsItMayBecome() throws IOException {
        // nod is no word of the blog: it stands for node, its completion, and leafnode is found as for leaf node.
        QueryPlan typing = blog.plan("leaf nod", PlanOptions.TYPING);
        assertThat(blog.search(typing)).contains("edge-config", "leaf-prose");
    }

    @Test
    void onlyAWordTheBlogHasIsJoined() throws IOException {
        assertThat(PlanTestBlog.forms(blog.plan("root node")))
                .extracting(QueryPlan.Form::kind)
                .doesNotContain(QueryPlan.Kind.JOINED);
    }
}
