package dev.blogsearch.query;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A planner test class's blog: its posts indexed in memory once before the class's tests and closed after them, and
 * the planner without synonym groups that plans against it ({@link PlanTestBlog}). A test class registers one as a
 * static field with {@code @RegisterExtension}.
 */
final class IndexedBlog implements BeforeAllCallback, AfterAllCallback {

    private final List<Document> posts;
    private final QueryPlanner planner = PlanTestBlog.plannerWithoutSynonyms();
    private DirectoryReader reader;

    IndexedBlog(Document... posts) {
        this.posts = List.of(posts);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        reader = PlanTestBlog.index(posts);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        reader.close();
    }

    DirectoryReader reader() {
        return reader;
    }

    /** The plan of a finished query. */
    QueryPlan plan(String query) throws IOException {
        return planner.plan(UserQuery.parse(query), reader);
    }

    QueryPlan plan(String query, PlanOptions options) throws IOException {
        return planner.plan(UserQuery.parse(query), reader, options);
    }

    /** The ids of the first 10 posts a finished query finds, best first. */
    List<String> search(String query) throws IOException {
        return PlanTestBlog.search(reader, planner, query);
    }

    /** The ids of the first 10 posts a plan finds, best first. */
    List<String> search(QueryPlan plan) throws IOException {
        return PlanTestBlog.search(reader, plan);
    }
}
