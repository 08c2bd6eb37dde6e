package dev.blogsearch.solrcloud;

import dev.blogsearch.query.PostFilters;
import dev.blogsearch.query.UserQuery;
import dev.blogsearch.schema.FacetLabels;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * Searches a blogsearch collection as the service searches its embedded index: the reader's text goes to
 * {@code {!blogsearch}} unchanged (the plugin plans it with the service's code on every shard), every post with any
 * of the words matches, those with all of them rank first ({@code exists(query(...))}, the complete matches' own
 * order), then by score and date; tags, categories and years are counted over all matches (JSON facets) and grouped
 * by key as the embedded index groups them. Thread-safe.
 */
public final class SolrSearcher {

    /** The query of the complete matches: every word must match. */
    private static final String ALL_PARAM = "blogall";

    private static final String FACETS = "{"
            + facet("tags", PostFields.TAG_FACET) + ","
            + facet("categories", PostFields.CATEGORY_FACET) + ","
            + facet("years", PostFields.YEAR_FACET) + "}";

    private final SolrCollection collection;

    public SolrSearcher(SolrCollection collection) {
        this.collection = collection;
    }

    /**
     * One search.
     *
     * @param query   what the reader typed
     * @param filters labels and days every hit must have
     * @param start   the first hit to return, from 0
     * @param rows    how many hits
     * @param byDate  newest first rather than by relevance
     */
    public record Request(String query, PostFilters filters, int start, int rows, boolean byDate) {}

    /** A hit: its stored fields and score. */
    public record Hit(
            String id, String url, String title, String date, List<String> tags, List<String> anchors, float score) {}

    /** A label and how many matching posts carry it. */
    public record LabelCount(String label, int count) {}

    /**
     * A page of results.
     *
     * @param total   posts matching
     * @param partial a shard ran out of time ({@code timeAllowed}) or did not answer
     */
    public record Page(
            long total,
            List<Hit> hits,
            List<LabelCount> tags,
            List<LabelCount> categories,
            List<LabelCount> years,
            boolean partial,
            QueryResponse response) {}

    public Page search(Request request) throws IOException {
        SolrQuery query = toSolr(request);
        try {
            QueryResponse response = collection.client().query(collection.name(), query);
            List<Hit> hits = new ArrayList<>();
            for (SolrDocument doc : response.getResults()) {
                hits.add(new Hit(
                        string(doc, PostFields.ID),
                        string(doc, PostFields.URL),
                        string(doc, PostFields.TITLE),
                        string(doc, PostFields.DATE_TEXT),
                        strings(doc, PostFields.TAGS),
                        strings(doc, PostFields.HEADING_ANCHORS),
                        doc.getFieldValue("score") instanceof Float score ? score : 0f));
            }
            NamedList<?> facets = (NamedList<?>) response.getResponse().get("facets");
            Object partial =
                    response.getHeader() == null ? null : response.getHeader().get("partialResults");
            List<LabelCount> years = new ArrayList<>(labelCounts(facets, "years"));
            years.sort(Comparator.comparing(LabelCount::label).reversed());
            return new Page(
                    response.getResults().getNumFound(),
                    hits,
                    labelCounts(facets, "tags"),
                    labelCounts(facets, "categories"),
                    years,
                    Boolean.TRUE.equals(partial),
                    response);
        } catch (SolrServerException | SolrException e) {
            throw collection.failed("search", e);
        }
    }

    /** The request as Solr parameters; the configset's {@code /select} parses {@code q} with {@code {!blogsearch}}. */
    static SolrQuery toSolr(Request request) {
        SolrQuery query = new SolrQuery(request.query() == null ? "" : request.query());
        for (String tag : request.filters().tags()) {
            query.add("blog.tag", tag);
        }
        for (String category : request.filters().categories()) {
            query.add("blog.category", category);
        }
        if (request.filters().days().fromDay() != null) {
            query.set("blog.fromDay", request.filters().days().fromDay());
        }
        if (request.filters().days().toDay() != null) {
            query.set("blog.toDay", request.filters().days().toDay());
        }
        // No words, only filters: the posts newest first, as in the embedded index.
        boolean byRelevance =
                !request.byDate() && !UserQuery.parse(request.query()).terms().isEmpty();
        if (byRelevance) {
            query.set(ALL_PARAM, "{!blogsearch blog.all=true v=$q}");
            query.set("sort", "exists(query($" + ALL_PARAM + ")) desc,score desc," + PostFields.DATE + " desc");
        } else {
            query.set("sort", PostFields.DATE + " desc," + PostFields.ID + " asc");
        }
        query.setFields(
                PostFields.ID,
                PostFields.URL,
                PostFields.TITLE,
                PostFields.DATE_TEXT,
                PostFields.TAGS,
                PostFields.HEADING_ANCHORS,
                "score");
        query.setStart(request.start());
        query.setRows(request.rows());
        query.set("json.facet", FACETS);
        return query;
    }

    private static String facet(String name, String field) {
        // Every label: they are grouped by key here, which needs each spelling's count.
        return name + ":{type:terms,field:" + field + ",limit:-1,mincount:1,numBuckets:false}";
    }

    /**
     * The buckets of a facet (key and spelling, {@link FacetLabels}) grouped by key, each shown in the spelling most
     * of its posts use (ties: the greater spelling), most frequent first, then by label: the embedded index's rule.
     */
    static List<LabelCount> labelCounts(NamedList<?> facets, String name) {
        if (facets == null || !(facets.get(name) instanceof NamedList<?> facet)) {
            return List.of();
        }
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Integer> shownCount = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        Object buckets = facet.get("buckets");
        if (buckets instanceof List<?> list) {
            for (Object item : list) {
                NamedList<?> bucket = (NamedList<?>) item;
                FacetLabels.Label label = FacetLabels.decode(String.valueOf(bucket.get("val")));
                int count = ((Number) bucket.get("count")).intValue();
                totals.merge(label.key(), count, Integer::sum);
                Integer best = shownCount.get(label.key());
                if (best == null
                        || count > best
                        || count == best && label.spelling().compareTo(shown.get(label.key())) > 0) {
                    shown.put(label.key(), label.spelling());
                    shownCount.put(label.key(), count);
                }
            }
        }
        List<LabelCount> counts = new ArrayList<>();
        totals.forEach((key, count) -> counts.add(new LabelCount(shown.get(key), count)));
        counts.sort(Comparator.comparingInt(LabelCount::count).reversed().thenComparing(LabelCount::label));
        return counts;
    }

    private static String string(SolrDocument doc, String field) {
        Object value = doc.getFirstValue(field);
        return value == null ? null : value.toString();
    }

    private static List<String> strings(SolrDocument doc, String field) {
        List<String> values = new ArrayList<>();
        if (doc.getFieldValues(field) != null) {
            for (Object value : doc.getFieldValues(field)) {
                values.add(value.toString());
            }
        }
        return values;
    }
}
