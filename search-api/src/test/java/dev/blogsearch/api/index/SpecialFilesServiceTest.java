package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.testing.SpecialFiles;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service over a blog with a link to {@code /dev/zero}, named pipes, a socket, link loops: once, its start-up
 * reindex never ended, so it never opened its port and held the index's write lock for good. It now starts, serves
 * the good posts, names each special file in its last run, and leaves the index free for the next run.
 */
class SpecialFilesServiceTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theServiceStartsReportsEachSpecialFileAndReleasesTheIndex() throws Exception {
        TempBlog blog = TempBlog.create(1);
        Map<String, String> expected =
                SpecialFiles.write(blog.content(), blog.content().resolveSibling("outside"));

        try (EmbeddedServer server = ApplicationContext.run(
                        EmbeddedServer.class, new HashMap<String, Object>(blog.properties(Map.of())), "test");
                HttpClient client = HttpClient.create(server.getURL())) {
            String answer = client.toBlocking().retrieve("/api/search?q=redis");
            assertThat(answer).contains("\"total\":").doesNotContain("\"total\":0");

            // The index was built before the start (TempBlog); the start's update runs in the background.
            Reindexer reindexer = server.getApplicationContext().getBean(Reindexer.class);
            while (reindexer.state().last() == null) {
                Thread.sleep(50);
            }
            IndexRunSummary atStart = reindexer.state().last().summary();
            Map<String, String> reasons = atStart.failures().stream()
                    .collect(Collectors.toMap(IndexRunSummary.Failure::file, IndexRunSummary.Failure::reason));
            assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach(
                    (file, reason) -> assertThat(reasons.get(file)).as(file).contains(reason));

            // The write lock is free: the command-line indexer can update the index while the service runs.
            IndexRunSummary fromCli = new BlogIndexer(IndexSettings.defaults()).update(blog.content(), blog.index());
            assertThat(fromCli.failures()).hasSameSizeAs(atStart.failures());
        }
    }
}
