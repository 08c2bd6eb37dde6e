package dev.blogsearch.api.eval;

import java.util.Optional;

/**
 * A judged query as the search box sends it while the reader is still typing its last word: the last word cut to a
 * share of its letters ({@code kubernetes 升级} has no such variant; {@code redis cluster} at 50% is
 * {@code redis clu}). Only a last word of Latin letters, digits and code punctuation is cut: Chinese is matched
 * inside words by its bigrams, so a half-typed Chinese word is no new case. At least two letters stay.
 */
final class TypedPrefix {

    /** The shares of the last word's letters the eval types: half, and three quarters. */
    static final double[] SHARES = {0.5, 0.75};

    private TypedPrefix() {}

    /** The query with its last word cut to {@code share} of its letters, if it has a last word that can be cut. */
    static Optional<String> of(String query, double share) {
        String text = query.strip();
        int start = text.length();
        while (start > 0 && isWordChar(text.codePointBefore(start))) {
            start -= Character.charCount(text.codePointBefore(start));
        }
        String word = text.substring(start);
        boolean startsWord = start == 0 || Character.isWhitespace(text.codePointBefore(start));
        if (!startsWord || word.codePoints().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        int length = word.codePointCount(0, word.length());
        int kept = Math.max(2, (int) Math.round(length * share));
        if (kept >= length) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, start) + word.substring(0, word.offsetByCodePoints(0, kept)));
    }

    /** Letters and digits of the Latin script, and what joins them in identifiers ({@code pg_hba.conf}). */
    private static boolean isWordChar(int cp) {
        boolean latin = Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
        return latin || (cp < 128 && (Character.isDigit(cp) || "_-.+#".indexOf(cp) >= 0));
    }
}
