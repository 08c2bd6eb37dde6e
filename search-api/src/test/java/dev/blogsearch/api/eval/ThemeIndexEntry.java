package dev.blogsearch.api.eval;

import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.content.PublishRules;
import dev.blogsearch.indexer.content.ReaderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One published post as a Hugo theme's JSON search index holds it (the {@code index.json} a theme's search box
 * loads): the title, {@code content} = the page's {@code .Plain} text, the front matter description, tags and
 * categories. Read with the project's own post reader, so both baselines and our index see the same posts and text.
 *
 * @param content the headings, prose and code of the post, as {@code .Plain} holds them (in another order, which
 *     neither baseline's scoring sees; inline code is in both prose and code, as the reader keeps it)
 */
record ThemeIndexEntry(
        String id, String title, String content, String description, List<String> tags, List<String> categories) {

    /**
     * The blog's posts that a plain {@code hugo} build publishes ({@link PublishRules#HUGO_DEFAULT}, as our index
     * holds them): unreadable posts, drafts, scheduled, expired and unlisted pages are left out.
     */
    static List<ThemeIndexEntry> read(Path contentDir) throws IOException {
        HugoPostReader posts = new HugoPostReader(ReaderOptions.defaults());
        Instant now = Instant.now();
        List<ThemeIndexEntry> entries = new ArrayList<>();
        for (Path file : posts.listPosts(contentDir)) {
            Post post;
            try {
                post = posts.read(contentDir, file);
            } catch (PostReadException e) {
                continue;
            }
            if (PublishRules.HUGO_DEFAULT.judge(post, now) == PublishRules.Verdict.PUBLISHED) {
                entries.add(of(post));
            }
        }
        return entries;
    }

    static ThemeIndexEntry of(Post post) {
        String content = String.join(
                "\n",
                post.text().headingsText(),
                post.text().body(),
                post.text().code());
        return new ThemeIndexEntry(post.id(), post.title(), content, post.summary(), post.tags(), post.categories());
    }
}
