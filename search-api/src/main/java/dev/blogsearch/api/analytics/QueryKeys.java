package dev.blogsearch.api.analytics;

import dev.blogsearch.indexer.analysis.TraditionalToSimplified;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The key a query is counted under: {@code  Redis  集群 }, {@code redis 集群} and {@code ＲＥＤＩＳ 集群} are one
 * query, and so are {@code 虛擬內存} and {@code 虚拟内存} (searches treat them alike, so the owner sees them as one).
 * NFKC folds full-width forms; white space is trimmed and collapsed; letters are lower-cased; Traditional Chinese
 * characters are folded to Simplified as the analyzer folds them.
 */
public final class QueryKeys {

    /** Longer queries are cut: a key is for counting, not for storing whatever a client sends. */
    public static final int MAX_LENGTH = 200;

    private QueryKeys() {}

    public static String normalize(String query) {
        if (query == null) {
            return "";
        }
        String folded = Normalizer.normalize(query, Normalizer.Form.NFKC).replaceAll("\\p{Cntrl}", " ");
        String key = TraditionalToSimplified.fold(
                folded.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        if (key.codePointCount(0, key.length()) > MAX_LENGTH) {
            key = key.substring(0, key.offsetByCodePoints(0, MAX_LENGTH));
        }
        return key;
    }
}
