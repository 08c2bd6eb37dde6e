package dev.blogsearch.api.search;

import dev.blogsearch.api.explain.QueryExplanation;
import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total          posts that match, on all pages
 * @param hits           this page's hits, best first
 * @param tagCounts      tags of all matching posts with how many of them carry each, most frequent first
 * @param categoryCounts categories of all matching posts, the same way
 * @param yearCounts     publication years of all matching posts, newest first
 * @param explanation    how the query was understood, when asked for; else null
 * @param tookMs         time spent searching, counting and highlighting
 * @param partial        the time budget ran out: the hits, total and counts cover only the posts ranked until then
 * @param rewrites       words searched as another word of the blog (completed while typed, or corrected)
 * @param searchedFor    the query with each rewritten word replaced by what it was searched as; null without rewrites
 * @param languageCounts languages of all matching posts (their codes), most frequent first; empty for a blog whose
 *                       posts have no language
 * @param taxonomyCounts the terms of each of the site's own taxonomies ({@code series}) over all matching posts, the
 *                       same way as tags, by plural name; empty for a site without any
 * @param indexVersion   the version of the index that answered: the same search of the same version is the same answer;
 *                       {@link #UNVERSIONED} from a backend without one (SolrCloud), whose answers are not cached
 * @param unsupported    what was asked for that this backend cannot do (as {@code explain} on SolrCloud); empty
 *                       normally
 */
public record SearchResults(
        int total,
        List<Hit> hits,
        List<LabelCount> tagCounts,
        List<LabelCount> categoryCounts,
        List<LabelCount> yearCounts,
        QueryExplanation explanation,
        long tookMs,
        boolean partial,
        List<Rewrite> rewrites,
        String searchedFor,
        List<LabelCount> languageCounts,
        Map<String, List<LabelCount>> taxonomyCounts,
        long indexVersion,
        List<String> unsupported) {

    /** The {@link #indexVersion} of an answer from a backend that has none to key a cache by. */
    public static final long UNVERSIONED = -1;

    /** The same answer, given again after {@code tookMs} (from the cache). */
    public SearchResults answeredIn(long tookMs) {
        return new SearchResults(
                total,
                hits,
                tagCounts,
                categoryCounts,
                yearCounts,
                explanation,
                tookMs,
                partial,
                rewrites,
                searchedFor,
                languageCounts,
                taxonomyCounts,
                indexVersion,
                unsupported);
    }

    /** Whether the answer belongs to one version of the index, so a cache may keep it under that version. */
    public boolean versioned() {
        return indexVersion != UNVERSIONED;
    }

    /**
     * A matching post with its highlighted title and excerpt (escaped HTML with {@code <mark>} only), the sections
     * whose headings matched, when explaining what matched in which field (else null), its language (null when
     * unknown) and its translations.
     */
    public record Hit(
            String id,
            String url,
            String title,
            String titleHtml,
            String excerptHtml,
            String date,
            List<String> tags,
            float score,
            List<Section> sections,
            List<QueryExplanation.FieldMatch> matched,
            String lang,
            List<Translation> translations) {}

    /** Another language's version of a post (same translation key): its language, id, URL and title. */
    public record Translation(String lang, String id, String url, String title) {}

    /** A heading that matched: its text, highlighted, and the URL of its section. */
    public record Section(String heading, String headingHtml, String url) {}

    /**
     * A typed word searched as another word of the blog.
     *
     * @param typed    as typed
     * @param searched the word of the blog it was searched as
     * @param kind     {@code completion} (a word being typed, completed) or {@code correction} (a typo)
     */
    public record Rewrite(String typed, String searched, String kind) {}

    /** A tag as most posts spell it, and how many posts carry it. */
    public record LabelCount(String label, int count) {}
}
