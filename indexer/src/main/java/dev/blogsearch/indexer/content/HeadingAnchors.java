package dev.blogsearch.indexer.content;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids Hugo gives the headings of one page, with its default {@code autoHeadingIDType = "github"}: letters and
 * digits lower-cased (Chinese and other scripts kept), each space and {@code -} a {@code -}, {@code _} kept, every
 * other character dropped. A repeated id gets {@code -1}, {@code -2}, ... and a custom {@code {#id}} counts as
 * taken, as in Hugo's {@code markup/goldmark/autoid.go}. One instance per page; not thread-safe.
 */
final class HeadingAnchors {

    private final Set<String> taken = new HashSet<>();

    /**
     * Hugo's anchor for {@code text}, before de-duplication. Lower-casing is per code point
     * ({@link Character#toLowerCase(int)}), which, like Go's {@code unicode.ToLower}, does not depend on a locale.
     */
    static String anchorOf(String text) {
        String trimmed = text.strip();
        StringBuilder anchor = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); ) {
            int cp = trimmed.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || cp == '-') {
                anchor.append('-');
            } else if (cp == '_' || Character.isLetter(cp) || Character.isDigit(cp)) {
                anchor.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return anchor.toString();
    }

    /** Records an author's {@code {#id}}; Hugo keeps it as written, even when it repeats. */
    String custom(String id) {
        taken.add(id);
        return id;
    }

    /** The generated anchor for a heading's text, unique in this page. */
    String generate(String text) {
        String base = anchorOf(text);
        if (base.isEmpty()) {
            base = "heading";
        }
        String anchor = base;
        for (int n = 1; taken.contains(anchor); n++) {
            anchor = base + "-" + n;
        }
        taken.add(anchor);
        return anchor;
    }
}
