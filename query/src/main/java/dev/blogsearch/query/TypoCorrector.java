package dev.blogsearch.query;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.spell.DirectSpellChecker;

/**
 * Finds the word a misspelled one was meant to be, among the blog's own words (Lucene's DirectSpellChecker: no
 * separate dictionary to keep up to date). Asked only for words the blog does not contain, so a correct query is
 * never "corrected". Thread-safe: the spell checker is configured once and only read.
 */
final class TypoCorrector {

    /** Shorter words have too many neighbours within two edits to guess from. */
    private static final int MIN_LENGTH = 4;

    /** How {@link ReaderLexicon#spellings} looks for close words. */
    static final DirectSpellChecker SPELL_CHECKER = spellChecker();

    private final String field;

    TypoCorrector(String field) {
        this.field = field;
    }

    private static DirectSpellChecker spellChecker() {
        DirectSpellChecker spellChecker = new DirectSpellChecker();
        spellChecker.setMaxEdits(2);
        spellChecker.setMinPrefix(1);
        spellChecker.setMinQueryLength(MIN_LENGTH);
        return spellChecker;
    }

    Optional<String> correct(String word, Lexicon lexicon) throws IOException {
        if (word.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        List<Lexicon.Suggestion> suggestions = lexicon.spellings(field, word, 1);
        return suggestions.isEmpty()
                ? Optional.empty()
                : Optional.of(suggestions.get(0).term());
    }
}
