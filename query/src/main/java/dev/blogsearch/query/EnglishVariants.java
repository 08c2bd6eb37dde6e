package dev.blogsearch.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Singular and plural forms of an English word (certificate, certificates; policy, policies). Used instead of a
 * stemmer, which would also change identifiers (redis to redi, settings to set): the forms are only searched
 * when the blog contains them.
 */
final class EnglishVariants {

    private EnglishVariants() {}

    /** Other forms of a lower-case word; the word itself is not among them. */
    static List<String> of(String word) {
        List<String> forms = new ArrayList<>(3);
        int n = word.length();
        if (word.endsWith("ies") && n > 4) {
            forms.add(word.substring(0, n - 3) + "y");
        } else if (word.endsWith("es") && n > 3) {
            forms.add(word.substring(0, n - 2));
            forms.add(word.substring(0, n - 1));
        } else if (word.endsWith("s") && !word.endsWith("ss") && n > 3) {
            forms.add(word.substring(0, n - 1));
        } else {
            if (word.endsWith("y") && n > 3 && "aeiou".indexOf(word.charAt(n - 2)) < 0) {
                forms.add(word.substring(0, n - 1) + "ies");
            } else if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
                forms.add(word + "es");
            } else {
                forms.add(word + "s");
            }
        }
        return forms;
    }
}
