package dev.blogsearch.schema;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.BytesRef;

/**
 * A facet value that carries both the matching key of a tag and the author's spelling of it, so counts can be
 * grouped by key ({@code AWS} and {@code aws} are one tag) and still shown as written, without reading any
 * stored document.
 */
public final class FacetLabels {

    /** Unit separator: cannot occur in a normalised key. */
    private static final char SEPARATOR = '\u001f';

    /** A decoded label. */
    public record Label(String key, String spelling) {}

    private FacetLabels() {}

    public static BytesRef encode(String key, String spelling) {
        return new BytesRef(key + SEPARATOR + spelling.strip());
    }

    public static Label decode(BytesRef bytes) {
        return decode(new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8));
    }

    public static Label decode(String value) {
        int separator = value.indexOf(SEPARATOR);
        return separator < 0
                ? new Label(value, value)
                : new Label(value.substring(0, separator), value.substring(separator + 1));
    }
}
