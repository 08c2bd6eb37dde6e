package dev.blogsearch.api.widget;

import dev.blogsearch.api.config.SiteConfig;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code GET /opensearch.xml}: the OpenSearch description with which browsers offer the blog's search in their
 * address bar. The search URL is the configured search page, else this service's demo page, with {@code ?q=}.
 */
@Controller
@Hidden // not part of the JSON API: see docs/
final class OpenSearchController {

    static final String TYPE = "application/opensearchdescription+xml";

    private final SiteConfig site;

    OpenSearchController(SiteConfig site) {
        this.site = site;
    }

    @Get(uri = "/opensearch.xml", produces = TYPE + ";charset=utf-8")
    HttpResponse<String> description(HttpRequest<?> request) {
        String page = site.searchPage().isBlank()
                ? ownOrigin(request) + "/"
                : site.searchPage().strip();
        String template = page + (page.contains("?") ? "&" : "?") + "q={searchTerms}";
        String shortName = site.name().length() > 16 ? site.name().substring(0, 16) : site.name();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                  <ShortName>%s</ShortName>
                  <Description>%s</Description>
                  <InputEncoding>UTF-8</InputEncoding>
                  <Url type="text/html" method="get" template="%s"/>
                </OpenSearchDescription>
                """.formatted(xmlEscape(shortName), xmlEscape(site.name()), xmlEscape(template));
        return HttpResponse.ok(xml)
                .contentType(MediaType.of(TYPE + ";charset=utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }

    /** The origin the browser used, so the template works behind a proxy that keeps the Host header. */
    private static String ownOrigin(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || host.isBlank()) {
            host = request.getServerAddress().getHostString() + ":"
                    + request.getServerAddress().getPort();
        }
        String scheme = request.getHeaders().get("X-Forwarded-Proto");
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
            scheme = request.isSecure() ? "https" : "http";
        }
        return scheme + "://" + host;
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
