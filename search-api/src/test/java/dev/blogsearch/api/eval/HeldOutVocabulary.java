package dev.blogsearch.api.eval;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.analysis.UserDictionary;
import java.util.List;

/**
 * What a blog's judged queries may have shaped, taken out of the shipped lists when the blog is held out: every
 * synonym group with a term that occurs in one of its queries, and every dictionary word that occurs in one. Terms
 * and queries are compared as {@link TextFolding#key}; a term that begins or ends with a Latin letter or digit
 * occurs only as a whole word ({@code es} occurs in {@code ES}, not in {@code messages}), Chinese anywhere.
 *
 * <p>The as-typed variants of a query are prefixes of it, so whatever they contain is dropped too.
 */
final class HeldOutVocabulary {

    private final List<String> queries;

    private HeldOutVocabulary(List<String> queries) {
        this.queries = queries;
    }

    static HeldOutVocabulary of(List<Judgments.Query> queries) {
        return new HeldOutVocabulary(
                queries.stream().map(query -> TextFolding.key(query.text())).toList());
    }

    Synonyms synonyms(Synonyms shipped) {
        return shipped.without(this::occursInAQuery);
    }

    UserDictionary dictionary(UserDictionary shipped) {
        return shipped.without(this::occursInAQuery);
    }

    boolean occursInAQuery(String term) {
        String key = TextFolding.key(term);
        if (key.isEmpty()) {
            return false;
        }
        for (String query : queries) {
            for (int at = query.indexOf(key); at >= 0; at = query.indexOf(key, at + 1)) {
                int end = at + key.length();
                boolean startsWord =
                        at == 0 || !isLatinWordChar(key.codePointAt(0)) || !isLatinWordChar(query.codePointBefore(at));
                boolean endsWord = end == query.length()
                        || !isLatinWordChar(key.codePointBefore(key.length()))
                        || !isLatinWordChar(query.codePointAt(end));
                if (startsWord && endsWord) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLatinWordChar(int cp) {
        return cp < 128 && Character.isLetterOrDigit(cp);
    }
}
