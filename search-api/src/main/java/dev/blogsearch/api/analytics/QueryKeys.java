package dev.blogsearch.api.analytics;

import dev.blogsearch.analysis.TextFolding;

/**
 * The key a query is counted under: {@code  Redis  集群 }, {@code redis 集群} and {@code ＲＥＤＩＳ 集群} are one
 * query, and so are {@code 虛擬內存} and {@code 虚拟内存} (searches treat them alike, so the owner sees them as one).
 * The key is {@link TextFolding#key}, the fold every label and query goes through, cut to {@link #MAX_LENGTH}.
 */
public final class QueryKeys {

    /** Longer queries are cut: a key is for counting, not for storing whatever a client sends. */
    public static final int MAX_LENGTH = 200;

    private QueryKeys() {}

    public static String normalize(String query) {
        if (query == null) {
            return "";
        }
        String key = TextFolding.key(query);
        if (key.codePointCount(0, key.length()) > MAX_LENGTH) {
            key = key.substring(0, key.offsetByCodePoints(0, MAX_LENGTH));
        }
        return key;
    }
}
