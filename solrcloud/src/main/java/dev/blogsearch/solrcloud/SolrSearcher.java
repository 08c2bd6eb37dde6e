package dev.blogsearch.solrcloud;

import dev.blogsearch.query.PlanOptions;
import dev.blogsearch.query.PostFilters;
import dev.blogsearch.query.UserQuery;
import dev.blogsearch.schema.FacetLabels;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * Searches a blogsearch collection as the service searches its embedded index: the reader's text goes to
 * {@code {!blogsearch}} unchanged (the plugin plans it with the service's code, once for the whole collection, and
 * the next requests of the search pass that plan back), every post with any
 * of the words matches, and those with all of them rank first in their own order (a second request, as the service
 * runs a second query), then by score and date; tags, categories and years are counted over all matches (JSON facets) and grouped
 * by key as the embedded index groups them. The page's posts are then fetched with their title, excerpt and matched
 * headings marked on their shards by the service's own excerpt builder ({@code hl=true}), and the words searched as
 * another word (completed, corrected) come from the plugin's {@code blogsearch} section. Thread-safe.
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
     * @param reading whether the last word may still be being typed, and whether to search the words verbatim
     */
    public record Request(String query, PostFilters filters, int start, int rows, boolean byDate, PlanOptions reading) {

        /** A submitted query. */
        public Request(String query, PostFilters filters, int start, int rows, boolean byDate) {
            this(query, filters, start, rows, byDate, PlanOptions.SUBMITTED);
        }
    }

    /**
     * A hit: its stored fields, score, and its title and excerpt marked for the query (escaped HTML, {@code <mark>}
     * only) with the headings that matched, as the service's excerpt builder makes them.
     */
    public record Hit(
            String id,
            String url,
            String title,
            String date,
            List<String> tags,
            List<String> anchors,
            float score,
            String titleHtml,
            String excerptHtml,
            List<Heading> headings) {}

    /** A heading that matched: its position among the post's headings, its text, and the text marked. */
    public record Heading(int index, String text, String html) {}

    /** A word searched as another word of the blog: {@code kind} is {@code completion} or {@code correction}. */
    public record Rewrite(String typed, String searched, String kind) {}

    /** A label and how many matching posts carry it. */
    public record LabelCount(String label, int count) {}

    /**
     * A page of results.
     *
     * @param total   posts matching
     * @param partial  a shard ran out of time ({@code timeAllowed}) or did not answer
     * @param rewrites the words searched as another word of the blog, as the node that answered planned them
     */
    public record Page(
            long total,
            List<Hit> hits,
            List<LabelCount> tags,
            List<LabelCount> categories,
            List<LabelCount> years,
            boolean partial,
            List<Rewrite> rewrites,
            QueryResponse response) {}

    public Page search(Request request) throws IOException {
        try {
            boolean byRelevance = !request.byDate()
                    && !UserQuery.parse(request.query()).terms().isEmpty();
            int window = request.start() + request.rows();
            // Every post with any of the words is a result, counted in the facets; those with all of them come
            // first, in their own order, however well a post with only some of them scores.
            QueryResponse any = query(toSolr(request, false, byRelevance, window, true));
            List<Ranked> ranked = ranked(any);
            // The plan the collection made of the query, searched as it is by the next requests: planned once.
            String plan = plan(any);
            if (byRelevance) {
                QueryResponse all = query(withPlan(toSolr(request, true, true, window, false), plan));
                ranked = completeMatchesFirst(ranked(all), ranked, window);
            }
            List<Ranked> pageRanks = request.start() < ranked.size()
                    ? ranked.subList(request.start(), Math.min(ranked.size(), window))
                    : List.of();
            List<Hit> page = pageRanks.isEmpty() ? List.of() : marked(request, byRelevance, pageRanks, plan);
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
                    rewrites(any),
                    any);
        } catch (SolrServerException | SolrException e) {
            throw collection.failed("search", e);
        }
    }

    /** Every tag of the collection with its number of posts, most used first, grouped as a search groups them. */
    public List<LabelCount> allTags() throws IOException {
        SolrQuery query = new SolrQuery("*:*");
        // Every post: Lucene's syntax, as {!blogsearch} matches no post for no words.
        query.set("defType", "lucene");
        query.setRows(0);
        query.set("json.facet", "{" + facet("tags", PostFields.TAG_FACET) + "}");
        try {
            return labelCounts((NamedList<?>) query(query).getResponse().get("facets"), "tags");
        } catch (SolrServerException | SolrException e) {
            throw collection.failed("count the tags of", e);
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

    /** A post's place in a ranking: its id and score. */
    private record Ranked(String id, float score) {}

    private static List<Ranked> ranked(QueryResponse response) {
        List<Ranked> ranked = new ArrayList<>();
        for (SolrDocument doc : response.getResults()) {
            ranked.add(new Ranked(
                    string(doc, PostFields.ID), doc.getFieldValue("score") instanceof Float score ? score : 0f));
        }
        return ranked;
    }

    /**
     * The page's posts with their stored fields and highlights, in the page's order: one more request, for these
     * posts only, with the query that found them (every word optional, as the service highlights), so each shard
     * marks its own posts.
     */
    private List<Hit> marked(Request request, boolean byRelevance, List<Ranked> page, String plan)
            throws SolrServerException, IOException {
        SolrQuery query = withPlan(toSolr(request, false, byRelevance, page.size(), false), plan);
        query.setFields(
                PostFields.ID,
                PostFields.URL,
                PostFields.TITLE,
                PostFields.DATE_TEXT,
                PostFields.TAGS,
                PostFields.HEADING_ANCHORS);
        // Post ids are file paths: a line break is the one separator none contains.
        query.addFilterQuery("{!terms f=" + PostFields.ID + " separator=$blog.idSeparator v=$blog.ids}");
        query.set("blog.idSeparator", "\n");
        query.set("blog.ids", String.join("\n", page.stream().map(Ranked::id).toList()));
        query.set("hl", true);
        QueryResponse response = query(query);
        Map<String, SolrDocument> docs = new HashMap<>();
        for (SolrDocument doc : response.getResults()) {
            docs.put(string(doc, PostFields.ID), doc);
        }
        NamedList<?> highlighting = (NamedList<?>) response.getResponse().get("blogHighlighting");
        List<Hit> hits = new ArrayList<>(page.size());
        for (Ranked ranked : page) {
            SolrDocument doc = docs.get(ranked.id());
            if (doc == null) {
                // Deleted between the ranking and this request: the page is one post shorter.
                continue;
            }
            NamedList<?> marks = highlighting == null ? null : (NamedList<?>) highlighting.get(ranked.id());
            hits.add(new Hit(
                    ranked.id(),
                    string(doc, PostFields.URL),
                    string(doc, PostFields.TITLE),
                    string(doc, PostFields.DATE_TEXT),
                    strings(doc, PostFields.TAGS),
                    strings(doc, PostFields.HEADING_ANCHORS),
                    ranked.score(),
                    marks == null ? "" : String.valueOf(marks.get("title")),
                    marks == null ? "" : String.valueOf(marks.get("excerpt")),
                    marks == null ? List.of() : headings(marks.get("headings"))));
        }
        return hits;
    }

    private static List<Heading> headings(Object value) {
        List<Heading> headings = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                NamedList<?> heading = (NamedList<?>) item;
                headings.add(new Heading(
                        ((Number) heading.get("index")).intValue(),
                        String.valueOf(heading.get("text")),
                        String.valueOf(heading.get("html"))));
            }
        }
        return headings;
    }

    /** The plan the plugin reports it searched (PlanComponent), or null. */
    private static String plan(QueryResponse response) {
        return response.getResponse().get("blogsearch") instanceof NamedList<?> section
                        && section.get("plan") instanceof String plan
                ? plan
                : null;
    }

    private static SolrQuery withPlan(SolrQuery query, String plan) {
        if (plan != null) {
            query.set("blog.plan", plan);
        }
        return query;
    }

    /** The plugin's report of the words it searched as others (PlanComponent). */
    private static List<Rewrite> rewrites(QueryResponse response) {
        List<Rewrite> rewrites = new ArrayList<>();
        if (response.getResponse().get("blogsearch") instanceof NamedList<?> section
                && section.get("rewrites") instanceof List<?> list) {
            for (Object item : list) {
                NamedList<?> rewrite = (NamedList<?>) item;
                rewrites.add(new Rewrite(
                        String.valueOf(rewrite.get("typed")),
                        String.valueOf(rewrite.get("searched")),
                        String.valueOf(rewrite.get("kind"))));
            }
        }
        return rewrites;
    }

    /** The complete matches in their order, then the partial ones in theirs, at most {@code window}. */
    private static List<Ranked> completeMatchesFirst(List<Ranked> complete, List<Ranked> partial, int window) {
        Set<String> seen = new HashSet<>();
        List<Ranked> ranked = new ArrayList<>(window);
        for (Ranked hit : complete) {
            if (seen.add(hit.id())) {
                ranked.add(hit);
            }
        }
        for (Ranked hit : partial) {
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
        for (String language : request.filters().languages()) {
            query.add("blog.lang", language);
        }
        request.filters().taxonomies().forEach((plural, terms) -> {
            for (String term : terms) {
                query.add("blog.taxonomy." + plural, term);
            }
        });
        if (request.filters().days().fromDay() != null) {
            query.set("blog.fromDay", request.filters().days().fromDay());
        }
        if (request.filters().days().toDay() != null) {
            query.set("blog.toDay", request.filters().days().toDay());
        }
        if (all) {
            query.set("blog.all", true);
        }
        if (request.reading().typing()) {
            query.set("blog.typing", true);
        }
        if (request.reading().verbatim()) {
            query.set("blog.verbatim", true);
        }
        // No words, only filters: the posts newest first, as in the embedded index.
        query.set(
                "sort",
                byRelevance
                        ? "score desc," + PostFields.DATE + " desc"
                        : PostFields.DATE + " desc," + PostFields.ID + " asc");
        query.setFields(PostFields.ID, "score");
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
