package dev.blogsearch.query;

import java.util.List;

/**
 * How a query is understood, before it becomes a Lucene query: the units a post should match (words, Chinese
 * words, phrases), each with the forms that count as a match, the excluded units, tag filters, and the typo
 * corrections made.
 *
 * @param units       what a post should match; all of them rank first, some of them after
 * @param excluded    what a post must not match
 * @param tags        tags named with {@code tag:} in the query
 * @param categories  categories named with {@code category:} in the query
 * @param corrections misspelled words and the index term each was corrected to
 */
public record QueryPlan(
        List<Unit> units,
        List<Unit> excluded,
        List<String> tags,
        List<String> categories,
        List<Correction> corrections) {

    /**
     * One thing the reader asked for.
     *
     * @param text         as typed (a Chinese word as segmented from the reader's text)
     * @param alternatives the forms that match it, the primary one first: the typed form (or its correction, when
     *                     the typed form is in no post), then synonyms and plural forms
     */
    public record Unit(String text, List<Form> alternatives) {

        /** The form that best stands for the unit: the typed one, or its correction when it matches nothing. */
        public String primary() {
            return alternatives.isEmpty() ? text : alternatives.get(0).text();
        }
    }

    /**
     * A form of a unit and how much a match of it counts beside the typed form.
     *
     * @param text   the text to match, analysed like the post
     * @param weight 1 for the typed form, less for derived forms
     * @param kind   where the form comes from
     */
    public record Form(String text, float weight, Kind kind) {}

    /** Where a form of a unit comes from. */
    public enum Kind {
        TYPED,
        SYNONYM,
        VARIANT,
        CORRECTION
    }

    /** A word that matched nothing, and the word from the blog it was taken for. */
    public record Correction(String typed, String correctedTo) {}
}
