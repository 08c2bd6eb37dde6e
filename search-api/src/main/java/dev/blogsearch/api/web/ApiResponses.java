package dev.blogsearch.api.web;

/**
 * What the OpenAPI document says of the answers several endpoints share: one home for each, so every endpoint
 * describes a 429 or a 503 the same way. Constants, since annotations can only take those.
 */
public final class ApiResponses {

    public static final String TOO_MANY_REQUESTS =
            "Too many requests from this address; try again after Retry-After seconds";
    public static final String SEARCH_UNAVAILABLE = "The index is being built, or (BLOGSEARCH_BACKEND=solrcloud) the"
            + " search cluster is unreachable; try again after Retry-After seconds";
    public static final String NO_ADMIN_TOKEN = "No admin token was sent (Authorization: Bearer <token>)";
    public static final String WRONG_ADMIN_TOKEN = "The admin token is not valid";
    public static final String ADMIN_OFF = "The admin endpoints are off: no BLOGSEARCH_ADMIN_TOKEN is set";
    public static final String NOT_MODIFIED =
            "The answer is the one whose ETag was sent in If-None-Match: keep it (no body)";

    public static final String TOO_MANY_WRONG_TOKENS =
            "Too many wrong admin tokens from this address; try again after Retry-After seconds";

    // The headers the answers carry that a client acts on, each described once.
    public static final String ETAG = "ETag";
    public static final String ETAG_DESCRIPTION = "A weak entity tag of the index version and the request: sent back in"
            + " If-None-Match, it gets 304 while the answer is unchanged";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String CACHE_CONTROL_DESCRIPTION = "public, max-age=N: how long a browser or CDN may keep the"
            + " answer (BLOGSEARCH_CACHE_HTTP_MAX_AGE; no-cache when it is 0s); no-store for an explained answer or one"
            + " cut short by the time budget";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String RETRY_AFTER_DESCRIPTION = "Seconds to wait before trying again";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String WWW_AUTHENTICATE_DESCRIPTION =
            "Bearer: the admin token is sent as Authorization: Bearer <token>";

    private ApiResponses() {}
}
