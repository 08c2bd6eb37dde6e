package dev.blogsearch.indexer.index;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The matching key of a tag or category: {@code AWS}, {@code aws }, {@code ＡＷＳ} are one tag. Posts keep the
 * spelling their author used; the key is only for filtering and counting.
 */
public final class TagKeys {

    private TagKeys() {}

    /** NFKC (full-width to half-width), control characters dropped, white space trimmed and collapsed, lower-cased. */
    public static String normalize(String tag) {
        String folded = Normalizer.normalize(tag, Normalizer.Form.NFKC).replaceAll("\\p{Cntrl}", " ");
        return folded.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
