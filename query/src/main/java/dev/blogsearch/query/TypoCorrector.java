package dev.blogsearch.query;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Finds the word a misspelled one was meant to be, among the blog's own words (Lucene's DirectSpellChecker: no
 * separate dictionary to keep up to date). Asked only for words the blog does not contain, so a correct query is
 * never "corrected". Thread-safe: the spell checker is configured once and only read.
 */
final class TypoCorrector {

    /** Shorter words have too many neighbours within two edits to guess from. */
    private static final int MIN_LENGTH = 4;

    private final String field;
    private final DirectSpellChecker spellChecker = new DirectSpellChecker();

    TypoCorrector(String field) {
        this.field = field;
        spellChecker.setMaxEdits(2);
        spellChecker.setMinPrefix(1);
        spellChecker.setMinQueryLength(MIN_LENGTH);
    }

    Optional<String> correct(String word, IndexReader reader) throws IOException {
        if (word.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        SuggestWord[] suggestions =
                spellChecker.suggestSimilar(new Term(field, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
    }
}
