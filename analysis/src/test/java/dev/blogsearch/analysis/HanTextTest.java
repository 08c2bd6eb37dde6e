package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HanTextTest {

    @Test
    void theHanLookupTableAgreesWithUnicodeForEveryCodePoint() {
        int han = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean expected = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (HanText.isHan(cp) != expected) {
                throw new AssertionError("U+" + Integer.toHexString(cp) + " should be Han: " + expected);
            }
            han += expected ? 1 : 0;
        }
        // Sanity: the ideographs of the BMP and the supplementary planes are all there.
        assertThat(han).isGreaterThan(90_000);
    }
}
