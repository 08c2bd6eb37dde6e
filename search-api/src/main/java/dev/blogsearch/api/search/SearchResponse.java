package dev.blogsearch.api.search;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.blogsearch.api.explain.QueryExplanation;
import dev.blogsearch.api.facets.FacetCount;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON answer of {@code GET /api/search}. Documented in the README; add fields, never rename them.
 *
 * @param query  the query as received
 * @param total  matching posts on all pages
 * @param page   this page, from 1
 * @param size   hits per page
 * @param tookMs time the search took on the server, including any wait for a free core
 * @param hits   this page's posts, best first (or newest first with {@code sort=date})
 * @param facets  counts over all matching posts: the most frequent tags and categories ({@code facets} of
 *                each, 20 unless asked), every year
 * @param explain how the query was understood; only with {@code explain=true}
 * @param partial true when the search ran out of its time budget ({@code blogsearch.limits.time-budget}) and
 *                answers with the posts it had ranked by then; false normally
 * @param rewrites    the words searched as another word of the blog: a word being typed completed
 *                    ({@code kub} → {@code kubernetes}), a misspelled word corrected; empty when the query was
 *                    searched as typed, and always with {@code verbatim=true}
 * @param searchedFor the query as searched, each rewritten word replaced; null when {@code rewrites} is empty
 * @param unsupported what the request asked for that the backend cannot do, so the answer lacks it: {@code explain}
 *                    on SolrCloud (docs/solrcloud.md); absent when everything asked for was done
 */
@Serdeable
public record SearchResponse(
        String query,
        int total,
        int page,
        int size,
        long tookMs,
        List<Hit> hits,
        Facets facets,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) QueryExplanation explain,
        boolean partial,
        List<Rewrite> rewrites,
        @Nullable String searchedFor,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) List<String> unsupported) {

    /**
     * A matching post.
     *
     * @param titleHtml   the title, HTML-escaped, matched words in {@code <mark>}
     * @param excerptHtml about two sentences around the best matches, escaped, matched words in {@code <mark>}
     * @param date        ISO-8601 date-time with offset, or null when the post has no date
     * @param sections    up to 3 headings whose text matched, best first, each linking to its section
     * @param matched     with {@code explain=true}: per field, the text that matched
     * @param lang         the post's language code, or null when the blog's posts have none
     * @param translations the post in other languages (its translations, by translation key), by language code
     */
    @Serdeable
    public record Hit(
            String id,
            String url,
            String title,
            String titleHtml,
            String excerptHtml,
            @Nullable String date,
            List<String> tags,
            float score,
            List<Section> sections,

            @Nullable @JsonInclude(JsonInclude.Include.NON_NULL)
            List<QueryExplanation.FieldMatch> matched,

            @Nullable String lang,
            List<Translation> translations) {}

    /**
     * The post in another language.
     *
     * @param lang  its language code
     * @param id    its id
     * @param url   its URL
     * @param title its title
     */
    @Serdeable
    public record Translation(@Nullable String lang, String id, String url, String title) {}

    /**
     * A section of the post whose heading matched.
     *
     * @param heading     the heading's text
     * @param headingHtml the text escaped, matched words in {@code <mark>}
     * @param url         the post's URL with the heading's anchor, as Hugo renders it
     */
    @Serdeable
    public record Section(String heading, String headingHtml, String url) {}

    /**
     * Facet counts over all matching posts.
     *
     * @param tags       tags, most posts first, spelled as most of their posts spell them
     * @param categories categories, the same way
     * @param years      publication years (of the author's calendar), newest first
     * @param languages  language codes, most posts first; empty when the posts have no language
     * @param taxonomies each of the site's own taxonomies ({@code series}) the same way as categories, under its
     *                   plural name beside the others ({@code facets.series}); none for a site without any
     */
    @Serdeable
    public record Facets(
            List<FacetCount> tags,
            List<FacetCount> categories,
            List<FacetCount> years,
            List<FacetCount> languages,
            @JsonAnyGetter @JsonAnySetter Map<String, List<FacetCount>> taxonomies) {

        public Facets {
            taxonomies = taxonomies == null ? Map.of() : taxonomies;
        }
    }

    /**
     * A typed word searched as another word of the blog.
     *
     * @param typed    the word as typed (folded: full-width and Traditional forms as the search reads them)
     * @param searched the word of the blog it was searched as; for a completion, the most used of the words searched
     * @param kind     {@code completion}: the last word, still being typed, matched the blog's words that start with
     *                 it; {@code correction}: a word found nowhere was taken for the closest word of the blog
     */
    @Serdeable
    public record Rewrite(String typed, String searched, String kind) {}

    /** @param facetLabels tags and categories kept per facet, the most frequent; years are all kept */
    static SearchResponse of(String query, int page, int size, SearchResults results, int facetLabels) {
        List<Hit> hits = results.hits().stream()
                .map(hit -> new Hit(
                        hit.id(),
                        hit.url(),
                        hit.title(),
                        hit.titleHtml(),
                        hit.excerptHtml(),
                        hit.date(),
                        hit.tags(),
                        hit.score(),
                        hit.sections().stream()
                                .map(section -> new Section(section.heading(), section.headingHtml(), section.url()))
                                .toList(),
                        hit.matched(),
                        hit.lang(),
                        hit.translations().stream()
                                .map(translation -> new Translation(
                                        translation.lang(), translation.id(), translation.url(), translation.title()))
                                .toList()))
                .toList();
        return new SearchResponse(
                query,
                results.total(),
                page,
                size,
                results.tookMs(),
                hits,
                new Facets(
                        FacetCount.tags(mostFrequent(results.tagCounts(), facetLabels)),
                        FacetCount.labels(mostFrequent(results.categoryCounts(), facetLabels)),
                        FacetCount.labels(results.yearCounts()),
                        FacetCount.labels(results.languageCounts()),
                        taxonomies(results.taxonomyCounts(), facetLabels)),
                results.explanation(),
                results.partial(),
                results.rewrites().stream()
                        .map(rewrite -> new Rewrite(rewrite.typed(), rewrite.searched(), rewrite.kind()))
                        .toList(),
                results.searchedFor(),
                results.unsupported().isEmpty() ? null : results.unsupported());
    }

    private static Map<String, List<FacetCount>> taxonomies(
            Map<String, List<SearchResults.LabelCount>> counts, int limit) {
        Map<String, List<FacetCount>> taxonomies = new LinkedHashMap<>();
        counts.forEach((plural, labels) -> taxonomies.put(plural, FacetCount.labels(mostFrequent(labels, limit))));
        return taxonomies;
    }

    private static List<SearchResults.LabelCount> mostFrequent(List<SearchResults.LabelCount> counts, int limit) {
        // The counts come most frequent first.
        return counts.size() <= limit ? counts : counts.subList(0, limit);
    }
}
