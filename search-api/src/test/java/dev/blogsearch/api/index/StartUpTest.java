package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.config.BlogSearchConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a restarted service answers from: the index it has at once, or a rebuilt one when it cannot serve that. */
class StartUpTest {

    private static BlogSearchConfig config(TempBlog blog, boolean includeDrafts) {
        BlogSearchConfig defaults = BlogSearchConfig.of(blog.content(), blog.index());
        return new BlogSearchConfig(
                defaults.contentDir(),
                defaults.indexDir(),
                true,
                includeDrafts,
                List.of(),
                defaults.timezone(),
                defaults.synonyms(),
                false,
                defaults.dictionary());
    }

    @Test
    void aCurrentIndexAnswersAtOnceAndPostsWrittenWhileStoppedFollowInTheBackground() throws Exception {
        TempBlog blog = TempBlog.create(1);
        int before = new Reindexer(config(blog, false)).run(false).indexed();
        blog.write("posts/written-while-stopped.md", "Written while stopped", "quokkaword");

        try (SearchIndex index = new SearchIndex(config(blog, false))) {
            assertThat(index.served().posts()).isBetween(before, before + 1);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (index.served().posts() == before && System.nanoTime() < deadline) {
                Thread.sleep(50);
                index.refresh();
            }
            assertThat(index.served().posts()).isEqualTo(before + 1);
        }
    }

    @Test
    void anIndexBuiltWithOtherSettingsIsRebuiltBeforeTheFirstAnswer() throws Exception {
        TempBlog blog = TempBlog.create(1);
        int withDrafts = new Reindexer(config(blog, true)).run(false).indexed();

        try (SearchIndex index = new SearchIndex(config(blog, false))) {
            // No moment where drafts could be found: the first searcher already sees the rebuilt index.
            assertThat(index.served().posts()).isLessThan(withDrafts);
        }
    }
}
