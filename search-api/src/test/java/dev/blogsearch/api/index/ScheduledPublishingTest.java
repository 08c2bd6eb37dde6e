package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.content.PublishRules;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The running service publishes a scheduled post, and withdraws an expired one, when its time comes. */
class ScheduledPublishingTest {

    private static boolean has(SearchIndex index, String id) throws IOException {
        index.refresh();
        IndexSearcher searcher = index.acquire();
        try {
            return searcher.count(new TermQuery(new Term(PostFields.ID, id))) > 0;
        } finally {
            index.release(searcher);
        }
    }

    private static void awaitPresence(SearchIndex index, String id, boolean present) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (has(index, id) != present && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(has(index, id))
                .as(id + (present ? " published" : " withdrawn"))
                .isEqualTo(present);
    }

    @Test
    void aScheduledPostAppearsAndAnExpiredOneGoesWithoutAnyChangeToTheContent() throws Exception {
        TempBlog blog = TempBlog.create(1);
        BlogSearchConfig config = BlogSearchConfig.of(blog.content(), blog.index());
        Reindexer reindexer = new Reindexer(config);

        try (SearchIndex index = new SearchIndex(config, reindexer)) {
            ScheduledPublishing publishing = new ScheduledPublishing(config, reindexer, index);
            try {
                Instant publish = Instant.now().plusSeconds(4);
                Instant expire = publish.plusSeconds(2);
                Files.writeString(
                        blog.content().resolve("posts/scheduled.md"),
                        "---\ntitle: Scheduled\ndate: " + publish + "\n---\nsoon\n",
                        StandardCharsets.UTF_8);
                Files.writeString(
                        blog.content().resolve("posts/expiring.md"),
                        "---\ntitle: Expiring\nexpiryDate: " + expire + "\n---\nfor a while\n",
                        StandardCharsets.UTF_8);
                IndexRunSummary written = reindexer.run(false);
                assertThat(written.skipped()).containsEntry(PublishRules.Verdict.SCHEDULED, 1);
                assertThat(written.nextChange()).isEqualTo(publish);
                assertThat(has(index, "posts/expiring")).isTrue();

                awaitPresence(index, "posts/scheduled", true);
                awaitPresence(index, "posts/expiring", false);
            } finally {
                publishing.stop();
                reindexer.stop();
            }
        }
    }
}
