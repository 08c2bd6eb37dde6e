package dev.blogsearch.api.pages;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.config.SiteConfig;
import dev.blogsearch.indexer.content.Post;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.reactivestreams.Publisher;

/**
 * The demo's posts as pages at their own URLs, so that the results of the service's own search page lead somewhere.
 * Only while the service is its blog's search page ({@code BLOGSEARCH_SITE_SEARCH_PAGE} empty, the default): a real
 * blog's search box links to the blog's own pages. A filter, not a controller, because a post's URL is whatever its
 * permalink is ({@code /posts/...}, {@code /2021/old-redis-notes/}): it answers only requests no route took and that
 * name an indexed post, everything else goes on to the static files and the usual JSON 404. The page is built as a
 * DOM (jsoup), so every text is escaped, and styled by {@code /post.css} under the service's strict CSP: no inline
 * script or style.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
final class PostPageFilter {

    private final PostPages pages;
    private final SiteConfig site;
    private final ExecutorService blocking;

    PostPageFilter(PostPages pages, SiteConfig site, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.pages = pages;
        this.site = site;
        this.blocking = blocking;
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> page(
            HttpRequest<?> request,
            @Nullable RouteMatch<?> route,
            FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        String path = request.getPath();
        if (route != null
                || request.getMethod() != HttpMethod.GET
                || !site.searchPage().isBlank()
                || !pages.isPost(path)) {
            return next.proceed();
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return pages.at(path)
                                .<MutableHttpResponse<?>>map(post ->
                                        HttpResponse.ok(html(post)).contentType(MediaType.TEXT_HTML + ";charset=utf-8"))
                                // Deleted since the request came in: the same answer as any unknown page.
                                .orElseGet(HttpResponse::notFound);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                blocking));
    }

    private String html(PostPages.RenderedPost rendered) {
        Post post = rendered.post();
        Document page = Document.createShell("");
        page.outputSettings().prettyPrint(false);
        page.selectFirst("html").attr("lang", "zh");
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(post.title() + " · " + site.name());
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "/post.css");

        Element nav = page.body().appendElement("nav").addClass("back");
        nav.appendElement("a").attr("href", "/").text("← 搜索 / Search");
        Element article = page.body().appendElement("article");
        article.appendElement("h1").text(post.title());
        Element meta = article.appendElement("p").addClass("meta");
        if (post.date() != null) {
            meta.appendElement("time")
                    .attr("datetime", post.date().toString())
                    .text(post.date().format(DateTimeFormatter.ISO_LOCAL_DATE));
        }
        for (String tag : post.tags()) {
            meta.appendElement("a")
                    .addClass("tag")
                    .attr("href", "/?q=" + URLEncoder.encode("tag:" + tag, StandardCharsets.UTF_8))
                    .text(tag);
        }
        // Rendered by PostHtml: the post's own HTML is escaped there, links to javascript: dropped.
        article.appendElement("div").addClass("body").append(rendered.bodyHtml());
        return "<!doctype html>\n" + page.outerHtml();
    }
}
