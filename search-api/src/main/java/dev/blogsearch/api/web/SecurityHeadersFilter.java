package dev.blogsearch.api.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every response: the demo page, its files and the JSON API.
 *
 * <ul>
 *   <li>A strict Content-Security-Policy: scripts and styles only from files of this origin, no inline code, no
 *       plugins, and no framing ({@code frame-ancestors 'none'}, the modern X-Frame-Options). On JSON, JS and CSS
 *       it has no effect but does no harm.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a JSON answer echoing a query is never run as script or HTML.</li>
 *   <li>{@code Referrer-Policy}: a reader's query in a URL does not travel to other sites.</li>
 * </ul>
 * It runs around every other filter ({@link ServerFilterPhase#FIRST}, before {@link MissingErrorBodies}), so the
 * answers that other filters give in place of an endpoint, such as a management endpoint's 401, get the headers too.
 *
 * <p>No Cross-Origin-Resource-Policy here: the widget's {@code widget.js} and {@code widget.css} must load on the
 * blog's own origin (their controller marks them {@code cross-origin}).
 */
@ServerFilter("/**")
final class SecurityHeadersFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        // set, not add: a controller (the widget's) may have set one already.
        response.getHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
