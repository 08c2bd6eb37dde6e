package dev.blogsearch.api.web;

import io.micronaut.core.annotation.Nullable;

/**
 * Conditional GET ({@code If-None-Match}) as RFC 9110 defines it: the header lists entity tags, any of which may be
 * weak ({@code W/"..."}), or is {@code *}; a GET matches with the weak comparison, which ignores the {@code W/}.
 */
public final class EntityTags {

    private EntityTags() {}

    /** Whether {@code ifNoneMatch} names {@code etag}: the client has this representation, answer 304. */
    public static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || opaque(candidate).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
