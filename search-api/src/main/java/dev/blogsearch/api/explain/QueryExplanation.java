package dev.blogsearch.api.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * How a query was understood ({@code explain=true}): what the analyzers made of it, the units it was planned into
 * with their synonyms, plural forms and corrections, the user dictionary words among them, and the Lucene query
 * that ran. Serialised as is: it is the {@code explain} member of the search response.
 *
 * @param folded          the query after 繁體→简体 and full-width folding, as the analyzers see it
 * @param tokens          the query's tokens after each kind of field's analysis
 * @param units           what a post is asked to match, each with the forms that count
 * @param dictionaryWords units that smartcn kept whole thanks to the user dictionary (glossary + owner's file)
 * @param synonymsUsed    forms that came from the synonym lists
 * @param typoCorrected   whether a word matched nothing and was replaced by the closest word of the blog
 * @param corrections     those replacements
 * @param excluded        {@code -word} exclusions
 * @param filters         tag, category and date filters applied
 * @param luceneQuery     the final Lucene query (all units; posts with only some follow those with all)
 * @param series          the series the query names, whose parts were ranked together in reading order; null
 *                        when none was
 */
@Serdeable
public record QueryExplanation(
        String folded,
        List<FieldTokens> tokens,
        List<Unit> units,
        List<String> dictionaryWords,
        List<String> synonymsUsed,
        boolean typoCorrected,
        List<Correction> corrections,
        List<String> excluded,
        List<String> filters,
        String luceneQuery,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) SeriesParts series) {

    /** The same explanation, with the series whose parts were ranked together. */
    public QueryExplanation withSeries(SeriesParts parts) {
        return new QueryExplanation(
                folded,
                tokens,
                units,
                dictionaryWords,
                synonymsUsed,
                typoCorrected,
                corrections,
                excluded,
                filters,
                luceneQuery,
                parts);
    }

    /**
     * A series of posts the query names (shared title beginning and tag, or a Hugo series term): its first post took
     * the place of its best-ranked part and the other parts follow it, each counting {@code weight} of that place's
     * score.
     *
     * @param name   what the series' titles share
     * @param posts  the series' posts in reading order
     * @param weight the share of the first post's score the other parts count as
     */
    @Serdeable
    public record SeriesParts(String name, List<String> posts, float weight) {}

    /** The tokens of the query in the given fields, which share one analyzer. */
    @Serdeable
    public record FieldTokens(List<String> fields, String analysis, List<String> tokens) {}

    /** One planned unit and its forms. */
    @Serdeable
    public record Unit(String text, List<Form> forms) {}

    /**
     * A form of a unit and its weight; its kind is one of typed, synonym, variant, joined, correction, completion,
     * gloss, translation, composed and abbreviation.
     */
    @Serdeable
    public record Form(String text, String kind, float weight) {}

    /** A word that matched nothing and the word of the blog it was taken for. */
    @Serdeable
    public record Correction(String typed, String correctedTo) {}

    /** In one field of a hit, the pieces of text that matched (as the post writes them, lower-cased). */
    @Serdeable
    public record FieldMatch(String field, List<String> terms) {}
}
