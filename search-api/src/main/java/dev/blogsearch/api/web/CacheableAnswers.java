package dev.blogsearch.api.web;

import dev.blogsearch.api.config.CacheConfig;
import dev.blogsearch.indexer.index.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * What a browser or CDN needs to keep an answer that depends only on the request and the index: a weak entity tag
 * of the index version and the request (a changed index is a new tag, so nothing stale is ever revalidated), a
 * short {@code max-age} ({@link CacheConfig#httpMaxAge()}), and 304 without a body for a client that already has
 * the answer. Thread-safe.
 */
@Singleton
public final class CacheableAnswers {

    private final String cacheControl;

    public CacheableAnswers(CacheConfig caching) {
        this.cacheControl = caching.httpMaxAge().isZero()
                ? "no-cache"
                : "public, max-age=" + caching.httpMaxAge().toSeconds();
    }

    /**
     * The answer to a request, or 304 when {@code ifNoneMatch} names it.
     *
     * @param request every parameter that shapes the answer, as text (the same text for the same answer)
     * @param body    builds the answer; not called for a 304
     */
    public <T> HttpResponse<T> answer(
            long indexVersion, String request, @Nullable String ifNoneMatch, Supplier<T> body) {
        String etag = "W/\"" + Sha256.ofText(indexVersion + "|" + request).substring(0, 32) + "\"";
        if (EntityTags.matches(ifNoneMatch, etag)) {
            return HttpResponse.<T>notModified()
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        return HttpResponse.ok(body.get())
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    /** An answer no cache may keep: explained, or cut short by the time budget. */
    public <T> HttpResponse<T> notKept(T body) {
        return HttpResponse.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
