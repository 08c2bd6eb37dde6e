package dev.blogsearch.analysis;

import dev.blogsearch.analysis.internal.TraditionalToSimplifiedTable;
import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Folds Traditional Chinese characters to Simplified ones (虛擬內存 reads as 虚拟内存) before the text is
 * tokenised, so a reader typing either script finds posts written in the other. It is a char filter: offsets
 * point into the original text, so highlights mark the characters the author wrote.
 *
 * <p>The table is ICU's {@code Traditional-Simplified} transform, asked once per Han character of the BMP by the
 * build and kept where it changes the character ({@link TraditionalToSimplifiedTable}). Character by character, not
 * word by word: ICU's transform is itself character-based, and a one-to-one map cannot shift segmentation (smartcn
 * sees the same number of characters it would have seen in Simplified text). The few characters that are Simplified
 * forms of more than one Traditional character (后/後, 发/發/髮) all fold to the one Simplified form, which is
 * what a search wants.
 *
 * <p>Callers fold through {@link TextFolding}, which applies this with the width fold. Immutable and thread-safe.
 */
public final class TraditionalToSimplified {

    private static final Table TABLE = buildTable();
    private static final NormalizeCharMap MAP = TABLE.map();

    /**
     * The same table as the char map, indexed by character, for {@link #fold(char)}: a char filter reads a string
     * one buffered character at a time, which made folding the built-in glossary and every post's title most of
     * the service's start-up.
     */
    private record Table(NormalizeCharMap map, char[] simplified, int size) {}

    private TraditionalToSimplified() {}

    /** The text seen through the fold; offsets of the returned reader map back to {@code reader}'s. */
    public static Reader wrap(Reader reader) {
        return new MappingCharFilter(MAP, reader);
    }

    /**
     * The Simplified form of one character, or the character itself: what {@link #wrap} reads for it, since the
     * table maps single characters of the BMP to single characters.
     */
    static char fold(char c) {
        return TABLE.simplified()[c];
    }

    /**
     * A digest of the table: an index folded with another table (another ICU version) must be rebuilt, so the
     * index settings' fingerprint includes this. Read from the shipped table, without building the char map.
     */
    public static String fingerprint() {
        return TraditionalToSimplifiedTable.fingerprint();
    }

    /** How many characters the map folds (for tests and diagnostics). */
    public static int size() {
        return TABLE.size();
    }

    private static Table buildTable() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        char[] byCharacter = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            byCharacter[c] = (char) c;
        }
        Map<Character, Character> table = TraditionalToSimplifiedTable.load();
        table.forEach((traditional, simplified) -> {
            builder.add(traditional.toString(), simplified.toString());
            byCharacter[traditional] = simplified;
        });
        return new Table(builder.build(), byCharacter, table.size());
    }
}
