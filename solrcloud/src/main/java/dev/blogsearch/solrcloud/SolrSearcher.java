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
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * Searches a blogsearch collection as the service searches its embedded index: the reader's text goes to
 * {@code {!blogsearch}} unchanged (the plugin plans it with the service's code on every shard), every post with any
 * of the words matches, and those with all of them rank first in their own order (a second request, as the service
 * runs a second query), then by score and date; tags, categories and years are counted over all matches (JSON facets) and grouped
 * by key as the embedded index groups them. Thread-safe.
 */
public final class SolrSearcher {

    private static final String FACETS = "{"
            + facet("tags", PostFields.TAG_FACET) + ","
            + facet("categories", PostFields.CATEGORY_FACET) + ","
            + facet("years", PostFields.YEAR_FACET) + "}";

    private final SolrCollection collection;
    private final AtomicLong retries = new AtomicLong();

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
        try {
            boolean byRelevance = !request.byDate()
                    && !UserQuery.parse(request.query()).terms().isEmpty();
            int window = request.start() + request.rows();
            // Every post with any of the words is a result, counted in the facets; those with all of them come
            // first, in their own order, however well a post with only some of them scores.
            QueryResponse any = query(toSolr(request, false, byRelevance, window, true));
            List<Hit> ranked = hits(any);
            if (byRelevance) {
                QueryResponse all = query(toSolr(request, true, true, window, false));
                ranked = completeMatchesFirst(hits(all), ranked, window);
            }
            List<Hit> page = request.start() < ranked.size()
                    ? ranked.subList(request.start(), Math.min(ranked.size(), window))
                    : List.of();
            NamedList<?> facets = (NamedList<?>) any.getResponse().get("facets");
            Object partial = any.getHeader() == null ? null : any.getHeader().get("partialResults");
            List<LabelCount> years = new ArrayList<>(labelCounts(facets, "years"));
            years.sort(Comparator.comparing(LabelCount::label).reversed());
            return new Page(
                    any.getResults().getNumFound(),
                    page,
                    labelCounts(facets, "tags"),
                    labelCounts(facets, "categories"),
                    years,
                    Boolean.TRUE.equals(partial),
                    any);
        } catch (SolrServerException | SolrException e) {
            throw collection.failed("search", e);
        }
    }

    /**
     * Asks once more when a node fails mid-answer (a cut response, a dropped connection, a node going down): a
     * search changes nothing, and by then SolrJ's cloud client routes to a live replica. A reader's error (4xx) is not
     * asked again.
     */
    private QueryResponse query(SolrQuery query) throws SolrServerException, IOException {
        try {
            return collection.client().query(collection.name(), query);
        } catch (SolrServerException | SolrException | IOException e) {
            if (e instanceof SolrException solr && solr.code() >= 400 && solr.code() < 500) {
                throw e;
            }
            retries.incrementAndGet();
            return collection.client().query(collection.name(), query);
        }
    }

    /** How many searches were asked again after a node failed mid-answer. */
    public long retries() {
        return retries.get();
    }

    private static List<Hit> hits(QueryResponse response) {
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
        return hits;
    }

    /** The complete matches in their order, then the partial ones in theirs, at most {@code window}. */
    private static List<Hit> completeMatchesFirst(List<Hit> complete, List<Hit> partial, int window) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Hit> ranked = new ArrayList<>(window);
        for (Hit hit : complete) {
            if (seen.add(hit.id())) {
                ranked.add(hit);
            }
        }
        for (Hit hit : partial) {
            if (ranked.size() >= window) {
                break;
            }
            if (seen.add(hit.id())) {
                ranked.add(hit);
            }
        }
        return ranked;
    }

    /**
     * The request as Solr parameters; the configset's {@code /select} parses {@code q} with {@code {!blogsearch}}.
     *
     * @param all    every word must match
     * @param facets count tags, categories and years
     */
    static SolrQuery toSolr(Request request, boolean all, boolean byRelevance, int window, boolean facets) {
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
        if (all) {
            query.set("blog.all", true);
        }
        // No words, only filters: the posts newest first, as in the embedded index.
        query.set(
                "sort",
                byRelevance
                        ? "score desc," + PostFields.DATE + " desc"
                        : PostFields.DATE + " desc," + PostFields.ID + " asc");
        query.setFields(
                PostFields.ID,
                PostFields.URL,
                PostFields.TITLE,
                PostFields.DATE_TEXT,
                PostFields.TAGS,
                PostFields.HEADING_ANCHORS,
                "score");
        query.setStart(0);
        query.setRows(window);
        if (facets) {
            query.set("json.facet", FACETS);
        }
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
