package dev.blogsearch.query;

import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostText;
import dev.blogsearch.indexer.content.Publishing;
import dev.blogsearch.indexer.index.PostDocuments;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;

/**
 * A post of a query test's index, as the indexer writes it: what the test sets, and for the rest what a post that says
 * no more has (no date, labels, code or language). Its file is {@code <id>.md}, its URL {@code /<id>/}.
 */
final class TestPost {

    private final String id;
    private String title = "";
    private OffsetDateTime date;
    private List<String> tags = List.of();
    private List<String> categories = List.of();
    private Map<String, List<String>> taxonomies = Map.of();
    private String body = "";
    private String lang;
    private String hash;

    private TestPost(String id) {
        this.id = id;
        this.hash = "hash-" + id;
    }

    static TestPost post(String id) {
        return new TestPost(id);
    }

    TestPost title(String title) {
        this.title = title;
        return this;
    }

    TestPost date(OffsetDateTime date) {
        this.date = date;
        return this;
    }

    /** Published at noon UTC on that day of January 2024: days order the posts. */
    TestPost day(int day) {
        return date(OffsetDateTime.of(2024, 1, day, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    TestPost tags(List<String> tags) {
        this.tags = tags;
        return this;
    }

    TestPost categories(List<String> categories) {
        this.categories = categories;
        return this;
    }

    TestPost taxonomies(Map<String, List<String>> taxonomies) {
        this.taxonomies = taxonomies;
        return this;
    }

    TestPost body(String body) {
        this.body = body;
        return this;
    }

    TestPost lang(String lang) {
        this.lang = lang;
        return this;
    }

    /** The content hash the index keeps: a reindex rewrites a post whose hash changed. */
    TestPost hash(String hash) {
        this.hash = hash;
        return this;
    }

    Document document() {
        Post post = new Post(
                id,
                id + ".md",
                "/" + id + "/",
                title,
                date,
                tags,
                categories,
                false,
                "",
                new PostText(body, "", List.of()),
                lang,
                id,
                "",
                List.of(),
                taxonomies,
                Publishing.ALWAYS);
        return PostDocuments.toDocument(post, hash);
    }
}
