package dev.blogsearch.analysis;

import java.util.BitSet;

/** Whether text is Chinese: the one test, used by the tokenizer and by every caller that treats Han text apart. */
public final class HanText {

    private static final int FIRST_HAN = 0x2E80;
    /**
     * {@link Character.UnicodeScript#of} is a binary search over script ranges, run for every character of a post:
     * the BMP, where nearly all Chinese text is, gets a precomputed table.
     */
    private static final BitSet HAN_BMP = hanTable();

    private HanText() {}

    /** Whether a code point is a Han character (Unicode script Han), in any plane. */
    public static boolean isHan(int codePoint) {
        if (codePoint < FIRST_HAN) {
            return false;
        }
        return codePoint <= Character.MAX_VALUE
                ? HAN_BMP.get(codePoint)
                : Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Whether {@code text} is not empty and only Han characters: where segmentation can differ. */
    public static boolean isAllHan(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(HanText::isHan);
    }

    private static BitSet hanTable() {
        BitSet table = new BitSet(Character.MAX_VALUE + 1);
        for (int cp = FIRST_HAN; cp <= Character.MAX_VALUE; cp++) {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                table.set(cp);
            }
        }
        return table;
    }
}
