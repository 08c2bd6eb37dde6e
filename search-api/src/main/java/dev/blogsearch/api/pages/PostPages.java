package dev.blogsearch.api.pages;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.index.IndexNotReadyException;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostHtml;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.index.SiteSettings;
import dev.blogsearch.schema.PostFields;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * The indexed posts as pages, found by their URL: the post's file is read again from the content folder (with the
 * indexer's own checks) and its Markdown rendered by {@link PostHtml}. Only posts the index holds are served, so a
 * draft the index left out has no page. The table of URLs is built from the index on the first request after each
 * change of it. Thread-safe.
 */
@Singleton
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
public final class PostPages {

    /** A post ready to show: its title, date, tags and body as HTML. */
    public record RenderedPost(Post post, String bodyHtml) {}

    private record UrlTable(long version, Map<String, String> sourceByUrl) {}

    // What an absolute URL's path follows: a site with a base URL indexes absolute URLs.
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/]+", Pattern.CASE_INSENSITIVE);

    private final SearchIndex index;
    private final Path contentDir;
    private final HugoPostReader reader;
    private final PostHtml html = new PostHtml();
    private volatile UrlTable table;

    PostPages(SearchIndex index, SiteSettings.Resolved settings) {
        this.index = index;
        this.contentDir = settings.contentDir();
        this.reader = settings.settings().newReader();
    }

    /**
     * Whether {@code path} (as requested, decoded) names an indexed post: its permalink, or the permalink without its
     * final {@code /}. Cheap: one look-up in a table rebuilt only after the index changed.
     */
    public boolean isPost(String path) {
        if (path.equals("/") || path.startsWith("/api/") || !index.isOpen()) {
            return false;
        }
        try {
            return sourceOf(path) != null;
        } catch (IOException | IndexNotReadyException e) {
            // No index to look in (yet): the path gets the usual 404, not the 503 of a search.
            return false;
        }
    }

    /** The post at {@code path} (as {@link #isPost} takes it), or empty when there is none. */
    public Optional<RenderedPost> at(String path) throws IOException {
        String source = sourceOf(path);
        if (source == null) {
            return Optional.empty();
        }
        Path file = reader.fileOf(contentDir, source);
        try {
            byte[] bytes = reader.readBytes(file, source);
            Post post = reader.parse(contentDir, file, bytes);
            return Optional.of(new RenderedPost(post, html.renderFile(bytes)));
        } catch (PostReadException e) {
            // Deleted or broken since it was indexed: the next reindex drops it.
            return Optional.empty();
        }
    }

    private String sourceOf(String path) throws IOException {
        Map<String, String> sources = sources();
        String source = sources.get(path);
        // Hugo's permalinks end in '/'; a link typed without it finds the post too.
        return source != null || path.endsWith("/") ? source : sources.get(path + "/");
    }

    private Map<String, String> sources() throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            DirectoryReader directory = (DirectoryReader) searcher.getIndexReader();
            UrlTable current = table;
            if (current == null || current.version() != directory.getVersion()) {
                current = new UrlTable(directory.getVersion(), read(directory));
                table = current;
            }
            return current.sourceByUrl();
        } finally {
            index.release(searcher);
        }
    }

    private static Map<String, String> read(DirectoryReader directory) throws IOException {
        Map<String, String> sources = new HashMap<>();
        Set<String> fields = Set.of(PostFields.URL, PostFields.SOURCE);
        for (LeafReaderContext leaf : directory.leaves()) {
            LeafReader segment = leaf.reader();
            Bits live = segment.getLiveDocs();
            StoredFields stored = segment.storedFields();
            for (int doc = 0; doc < segment.maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    Document document = stored.document(doc, fields);
                    sources.putIfAbsent(path(document.get(PostFields.URL)), document.get(PostFields.SOURCE));
                }
            }
        }
        return sources;
    }

    /** The path of a post's URL: a site with a base URL gives absolute ones, and the request names only the path. */
    private static String path(String url) {
        Matcher origin = ORIGIN.matcher(url);
        return origin.lookingAt() ? url.substring(origin.end()) : url;
    }
}
