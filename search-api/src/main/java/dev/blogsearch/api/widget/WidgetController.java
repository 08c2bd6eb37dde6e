package dev.blogsearch.api.widget;

import dev.blogsearch.api.web.EntityTags;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /widget.js} and {@code GET /widget.css}. With {@code ?v=} equal to the file's current version the
 * answer may be cached for a year ({@code immutable}): a new release has a new version, so a new URL. Without it
 * (or with an old version) it is cached for five minutes and revalidated by its ETag, so a blog that links the
 * plain URL picks up a release within minutes. Both are meant to be loaded by other sites' pages.
 */
@Controller
@Hidden // not part of the JSON API: see docs/
final class WidgetController {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";

    private final WidgetAssets assets;

    WidgetController(WidgetAssets assets) {
        this.assets = assets;
    }

    @Get(uri = "/widget.js", produces = "text/javascript;charset=utf-8")
    HttpResponse<byte[]> script(
            @QueryValue @Nullable String v, @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String etag) {
        return serve(assets.script(), MediaType.of("text/javascript;charset=utf-8"), v, etag);
    }

    @Get(uri = "/widget.css", produces = "text/css;charset=utf-8")
    HttpResponse<byte[]> stylesheet(
            @QueryValue @Nullable String v, @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String etag) {
        return serve(assets.stylesheet(), MediaType.of("text/css;charset=utf-8"), v, etag);
    }

    private static HttpResponse<byte[]> serve(
            WidgetAssets.Asset asset, MediaType type, @Nullable String version, @Nullable String ifNoneMatch) {
        String etag = "\"" + asset.version() + "\"";
        String cache = asset.version().equals(version) ? IMMUTABLE : SHORT;
        if (EntityTags.matches(ifNoneMatch, etag)) {
            return HttpResponse.<byte[]>notModified()
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cache);
        }
        return HttpResponse.ok(asset.bytes())
                .contentType(type)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cache)
                // Blogs on other origins load these files; say so even if a stricter default is added later.
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff");
    }
}
