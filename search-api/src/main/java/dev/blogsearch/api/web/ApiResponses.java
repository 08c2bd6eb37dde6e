package dev.blogsearch.api.web;

/**
 * What the OpenAPI document says of the answers several endpoints share: one home for each, so every endpoint
 * describes a 429 or a 503 the same way. Constants, since annotations can only take those.
 */
public final class ApiResponses {

    public static final String TOO_MANY_REQUESTS =
            "Too many requests from this address; try again after Retry-After seconds";
    public static final String INDEX_BEING_BUILT = "The index is being built; try again after Retry-After seconds";
    public static final String NO_ADMIN_TOKEN = "No admin token was sent (Authorization: Bearer <token>)";
    public static final String WRONG_ADMIN_TOKEN = "The admin token is not valid";
    public static final String ADMIN_OFF = "The admin endpoints are off: no BLOGSEARCH_ADMIN_TOKEN is set";
    public static final String NOT_MODIFIED =
            "The answer is the one whose ETag was sent in If-None-Match: keep it (no body)";

    private ApiResponses() {}
}
