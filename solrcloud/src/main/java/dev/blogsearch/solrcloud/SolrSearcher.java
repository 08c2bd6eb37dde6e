package dev.blogsearch.solrcloud;

import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.query.BlogSeries;
import dev.blogsearch.query.PlanOptions;
import dev.blogsearch.query.PostFilters;
import dev.blogsearch.query.QueryPlanCodec;
import dev.blogsearch.query.RelatedPost;
import dev.blogsearch.query.RelatedQuery;
import dev.blogsearch.query.ResultOrder;
import dev.blogsearch.query.SeriesRanking;
import dev.blogsearch.query.UserQuery;
import dev.blogsearch.schema.FacetLabels;
import dev.blogsearch.schema.LanguageCodes;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * Searches a blogsearch collection as the service searches its embedded index: the reader's text goes to
 * {@code {!blogsearch}} unchanged (the plugin plans it with the service's code, once for the whole collection, and
 * the next requests of the search pass that plan back), every post with any of the words matches, and those with all
 * of them rank first in their own order (a second request, as the service runs a second query), then by score and
 * date; a query that names a series of posts gets its first post first and its parts after it ({@link SeriesRanking},
 * with the series found in every post, {@link #series()}). Tags, categories, years, languages and the site's own
 * taxonomies (those the indexer recorded in the collection's properties) are counted over all matches (JSON facets)
 * and grouped by key as the embedded index groups them. The page's posts are then fetched with their title, excerpt and matched
 * headings marked on their shards by the service's own excerpt builder ({@code hl=true}), and their translations
 * (the posts with the same translation key) in one more request; the words searched as another word (completed,
 * corrected) come from the plugin's {@code blogsearch} section. Thread-safe.
 */
public final class SolrSearcher {

    /** The facets every search counts; the site's own taxonomies are counted besides. */
    private static final String FACETS = facet("tags", PostFields.TAG_FACET) + ","
            + facet("categories", PostFields.CATEGORY_FACET) + ","
            + facet("years", PostFields.YEAR_FACET) + ","
            + facet("languages", PostFields.LANGUAGE_FACET);

    /** Posts per page when every post is read. */
    private static final int PAGE = 500;

    /** A post has a handful of translations at most: the embedded index reads up to this many per key. */
    private static final int TRANSLATIONS_PER_KEY = 20;

    private final SolrCollection collection;
    /** The pauses before each new attempt at a request a node failed: about a second in all. */
    private static final long[] RETRY_PAUSES_MILLIS = {0, 200, 800};

    private final AtomicLong retries = new AtomicLong();

    /** The blog's series of posts, found in every post's title, labels and date, as the embedded index finds them. */
    private final CollectionTable<BlogSeries> series;

    public SolrSearcher(SolrCollection collection) {
        this.collection = collection;
        this.series = new CollectionTable<>(this, this::readSeries);
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
            List<Heading> headings,
            String lang,
            List<Translation> translations) {}

    /** The same post in another language: another post with the hit's translation key. */
    public record Translation(String lang, String id, String url, String title) {}

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
     * @param taxonomies the site's own taxonomies' counts, by plural name, in the order the site declares them
     */
    public record Page(
            long total,
            List<Hit> hits,
            List<LabelCount> tags,
            List<LabelCount> categories,
            List<LabelCount> years,
            List<LabelCount> languages,
            Map<String, List<LabelCount>> taxonomies,
            boolean partial,
            List<Rewrite> rewrites,
            QueryResponse response) {}

    public Page search(Request request) throws IOException {
        try {
            boolean byRelevance = !request.byDate()
                    && !UserQuery.parse(request.query()).terms().isEmpty();
            int window = request.start() + request.rows();
            List<String> taxonomies = taxonomies();
            // Every post with any of the words is a result, counted in the facets; those with all of them come
            // first, in their own order, however well a post with only some of them scores.
            QueryResponse any = query(withFacets(toSolr(request, false, byRelevance, window), taxonomies));
            List<Ranked> ranked = ranked(any);
            int complete = ranked.size();
            // The plan the collection made of the query, searched as it is by the next requests: planned once.
            String plan = plan(any);
            if (byRelevance) {
                QueryResponse all = query(withPlan(toSolr(request, true, true, window), plan));
                List<Ranked> completeMatches = ranked(all);
                ranked = completeMatchesFirst(completeMatches, ranked, window);
                complete = Math.min(completeMatches.size(), ranked.size());
            }
            Object partial = any.getHeader() == null ? null : any.getHeader().get("partialResults");
            long added = 0;
            if (byRelevance && plan != null && !Boolean.TRUE.equals(partial)) {
                // A query that names a series: its first post first, its parts after it, as the embedded index.
                SeriesPosts posts = new SeriesPosts(request, plan, ranked);
                SeriesRanking.Result together = SeriesRanking.rerank(
                        posts, series.get(), QueryPlanCodec.decode(plan), posts.hits(), complete, window);
                ranked = posts.ranked(together.ranked());
                added = together.added();
            }
            List<Ranked> pageRanks = request.start() < ranked.size()
                    ? ranked.subList(request.start(), Math.min(ranked.size(), window))
                    : List.of();
            List<Hit> page =
                    pageRanks.isEmpty() ? List.of() : withTranslations(marked(request, byRelevance, pageRanks, plan));
            NamedList<?> facets = (NamedList<?>) any.getResponse().get("facets");
            List<LabelCount> years = new ArrayList<>(labelCounts(facets, "years"));
            years.sort(Comparator.comparing(LabelCount::label).reversed());
            Map<String, List<LabelCount>> taxonomyCounts = new LinkedHashMap<>();
            for (int i = 0; i < taxonomies.size(); i++) {
                taxonomyCounts.put(taxonomies.get(i), labelCounts(facets, taxonomyFacet(i)));
            }
            return new Page(
                    any.getResults().getNumFound() + added,
                    page,
                    labelCounts(facets, "tags"),
                    labelCounts(facets, "categories"),
                    years,
                    labelCounts(facets, "languages"),
                    taxonomyCounts,
                    Boolean.TRUE.equals(partial),
                    rewrites(any),
                    any);
        } catch (SolrServerException | SolrException | IOException e) {
            throw collection.failed("search", e);
        }
    }

    /**
     * The posts of a ranking as {@link SeriesRanking} sees them: each numbered by its place in {@code ids}, the ranked
     * posts first, then the parts of a series it asks for.
     */
    private final class SeriesPosts implements SeriesRanking.Posts {

        private final Request request;
        private final String plan;
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> numbers = new HashMap<>();
        private final ScoreDoc[] hits;

        SeriesPosts(Request request, String plan, List<Ranked> ranked) {
            this.request = request;
            this.plan = plan;
            this.hits = new ScoreDoc[ranked.size()];
            for (int i = 0; i < ranked.size(); i++) {
                hits[i] = new ScoreDoc(number(ranked.get(i).id()), ranked.get(i).score());
            }
        }

        ScoreDoc[] hits() {
            return hits;
        }

        private int number(String id) {
            return numbers.computeIfAbsent(id, key -> {
                ids.add(key);
                return ids.size() - 1;
            });
        }

        /** The ranking back in ids, each with the score it ranked by. */
        List<Ranked> ranked(ScoreDoc[] reranked) {
            List<Ranked> ranked = new ArrayList<>(reranked.length);
            for (ScoreDoc hit : reranked) {
                ranked.add(new Ranked(ids.get(hit.doc), hit.score));
            }
            return ranked;
        }

        @Override
        public String id(ScoreDoc hit) {
            return ids.get(hit.doc);
        }

        @Override
        public Map<String, Integer> docs(List<String> wanted) throws IOException {
            Map<String, Integer> docs = new HashMap<>();
            List<String> unranked = new ArrayList<>();
            for (String id : wanted) {
                if (numbers.containsKey(id)) {
                    docs.put(id, numbers.get(id));
                } else {
                    unranked.add(id);
                }
            }
            if (!unranked.isEmpty()) {
                // The collection's, not a table's: a post deleted since the series were read is no part.
                SolrQuery query = everyPost();
                query.setFields(PostFields.ID);
                oneOf(query, PostFields.ID, unranked);
                query.setRows(unranked.size());
                try {
                    for (SolrDocument doc : query(query).getResults()) {
                        String id = string(doc, PostFields.ID);
                        docs.put(id, number(id));
                    }
                } catch (SolrServerException | SolrException e) {
                    throw collection.failed("read the posts of", e);
                }
            }
            return docs;
        }

        @Override
        public int matchingNone(List<Integer> docs) throws IOException {
            SolrQuery query = withPlan(toSolr(request, false, true, 0), plan);
            oneOf(query, PostFields.ID, docs.stream().map(ids::get).toList());
            try {
                return (int) (docs.size() - query(query).getResults().getNumFound());
            } catch (SolrServerException | SolrException e) {
                throw collection.failed("search", e);
            }
        }
    }

    /** The blog's series, read again when the collection moved ({@link CollectionTable}). */
    public BlogSeries series() throws IOException {
        return series.get();
    }

    /** The series among every post of the collection (a cursor over their titles, labels and dates). */
    private BlogSeries readSeries() throws IOException {
        String seriesField = PostFields.taxonomyField(BlogSeries.SERIES_TAXONOMY);
        List<BlogSeries.Post> posts = new ArrayList<>();
        forEachPost(BlogSeries.POST_FIELDS.toArray(String[]::new), post -> {
            String date = post.first(PostFields.DATE);
            posts.add(BlogSeries.Post.of(
                    post.first(PostFields.ID),
                    post.first(PostFields.TITLE),
                    post.all(PostFields.TAGS),
                    post.all(PostFields.CATEGORIES),
                    post.all(seriesField),
                    date == null ? Long.MIN_VALUE : Long.parseLong(date)));
        });
        return BlogSeries.of(posts);
    }

    /** Every tag of the collection with its number of posts, most used first, grouped as a search groups them. */
    public List<LabelCount> allTags() throws IOException {
        return allLabels("tags", PostFields.TAG_FACET);
    }

    /** Every language of the collection's posts with its number of posts, most first; empty without languages. */
    public List<LabelCount> allLanguages() throws IOException {
        return allLabels("languages", PostFields.LANGUAGE_FACET);
    }

    private List<LabelCount> allLabels(String name, String field) throws IOException {
        SolrQuery query = everyPost();
        query.setRows(0);
        query.set("json.facet", "{" + facet(name, field) + "}");
        try {
            return labelCounts((NamedList<?>) query(query).getResponse().get("facets"), name);
        } catch (SolrServerException | SolrException | IOException e) {
            throw collection.failed("count the " + name + " of", e);
        }
    }

    /**
     * The site's own taxonomies besides tags and categories, by plural name: those the indexer's last run recorded in
     * the collection's properties (the site's configuration then), as the embedded index records them in its commit.
     */
    public List<String> taxonomies() throws IOException {
        return IndexMetadata.fromUserData(collection.watchedProperties())
                .map(IndexMetadata::taxonomies)
                .orElse(List.of());
    }

    /**
     * Up to {@code size} posts like {@code id}, most alike first, by the service's related-posts query
     * ({@code {!blogrelated}}); empty when the collection has no such post. On a blog with languages, the posts in
     * {@code language} (null: the post's own) come first and posts in other languages only fill the places left.
     * The post's text is sent with the request (in the body), as the shards that search for its like may not hold it.
     */
    public Optional<List<RelatedPost>> related(String id, int size, String language) throws IOException {
        try {
            SolrQuery get = everyPost();
            oneOf(get, PostFields.ID, List.of(id));
            List<String> fields = new ArrayList<>(RelatedQuery.POST_FIELDS);
            fields.add(PostFields.LANG);
            get.setFields(fields.toArray(new String[0]));
            get.setRows(1);
            SolrDocumentList found = query(get).getResults();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SolrDocument post = found.get(0);
            SolrQuery like = new SolrQuery(id);
            like.set("defType", "blogrelated");
            like.set("sort", ResultOrder.solrSort(true));
            for (String field : RelatedQuery.POST_FIELDS) {
                for (String value : strings(post, field)) {
                    like.add("blog.post." + field, value);
                }
            }
            like.setFields(
                    PostFields.ID,
                    PostFields.URL,
                    PostFields.TITLE,
                    PostFields.DATE_TEXT,
                    PostFields.TAGS,
                    PostFields.LANG,
                    "score");
            String preferred = language == null ? string(post, PostFields.LANG) : LanguageCodes.of(language);
            List<RelatedPost> related = new ArrayList<>(size);
            if (preferred == null || preferred.isEmpty()) {
                addRelated(like, size, related);
            } else {
                String inLanguage = PostFields.LANG + ":" + ClientUtils.escapeQueryChars(preferred);
                addRelated(like.getCopy().addFilterQuery("{!lucene}" + inLanguage), size, related);
                if (related.size() < size) {
                    addRelated(
                            like.getCopy().addFilterQuery("{!lucene}*:* -" + inLanguage),
                            size - related.size(),
                            related);
                }
            }
            return Optional.of(related);
        } catch (SolrServerException | SolrException | IOException e) {
            throw collection.failed("find the posts like " + id + " in", e);
        }
    }

    private void addRelated(SolrQuery like, int rows, List<RelatedPost> related)
            throws SolrServerException, IOException {
        like.setRows(rows);
        for (SolrDocument doc : query(like, SolrRequest.METHOD.POST).getResults()) {
            related.add(new RelatedPost(
                    string(doc, PostFields.ID),
                    string(doc, PostFields.URL),
                    string(doc, PostFields.TITLE),
                    string(doc, PostFields.DATE_TEXT),
                    strings(doc, PostFields.TAGS),
                    string(doc, PostFields.LANG),
                    doc.getFieldValue("score") instanceof Float score ? score : 0f));
        }
    }

    /** A post's stored values, by field. */
    public record StoredPost(Map<String, List<String>> values) {

        /** The field's first value, or null. */
        public String first(String field) {
            List<String> all = values.get(field);
            return all == null || all.isEmpty() ? null : all.get(0);
        }

        /** The field's values. */
        public List<String> all(String field) {
            return values.getOrDefault(field, List.of());
        }
    }

    /** Every post's stored {@code fields}, a page of posts at a time in the order of their ids (a cursor). */
    public void forEachPost(String[] fields, Consumer<StoredPost> consumer) throws IOException {
        SolrQuery query = everyPost();
        query.setFields(fields);
        try {
            SolrCollection.forEachDocument(query, PAGE, this::query, doc -> {
                Map<String, List<String>> values = new HashMap<>();
                for (String field : fields) {
                    values.put(field, strings(doc, field));
                }
                consumer.accept(new StoredPost(values));
            });
        } catch (SolrServerException | SolrException | IOException e) {
            throw collection.failed("read the posts of", e);
        }
    }

    /**
     * The words of an indexed field that at least {@code minPosts} posts have, with how many do, summed over the
     * shards (the configset's {@code /terms}; deleted posts count until merged away, as in a Lucene index).
     */
    public Map<String, Long> words(String field, int minPosts) throws IOException {
        SolrQuery query = new SolrQuery();
        query.setRequestHandler("/terms");
        query.set("shards.qt", "/terms");
        query.setTerms(true);
        query.addTermsField(field);
        query.setTermsLimit(-1);
        // Counted per shard first: a word below the bar on every shard can reach it summed.
        query.setTermsMinCount(1);
        query.setTermsSortString("index");
        try {
            Map<String, Long> words = new LinkedHashMap<>();
            TermsResponse terms = query(query).getTermsResponse();
            if (terms != null && terms.getTerms(field) != null) {
                for (TermsResponse.Term term : terms.getTerms(field)) {
                    if (term.getFrequency() >= minPosts) {
                        words.put(term.getTerm(), term.getFrequency());
                    }
                }
            }
            return words;
        } catch (SolrServerException | SolrException | IOException e) {
            throw collection.failed("read the words of", e);
        }
    }

    /**
     * The collection's state as far as a table read from it can tell: how many posts it has and its latest update
     * (the greatest {@code _version_}, which every add, update and atomic update raises). A reindex that changes
     * anything changes it.
     */
    public String state() throws IOException {
        SolrQuery query = everyPost();
        query.setFields("_version_");
        query.setSort("_version_", SolrQuery.ORDER.desc);
        query.setRows(1);
        try {
            QueryResponse response = query(query);
            Object latest = response.getResults().isEmpty()
                    ? null
                    : response.getResults().get(0).getFieldValue("_version_");
            return response.getResults().getNumFound() + "/" + latest;
        } catch (SolrServerException | SolrException | IOException e) {
            throw collection.failed("read the state of", e);
        }
    }

    /** Every post: Lucene's syntax, as {@code {!blogsearch}} matches no post for no words. */
    private static SolrQuery everyPost() {
        SolrQuery query = new SolrQuery("*:*");
        query.set("defType", "lucene");
        return query;
    }

    /**
     * Asks again when a node fails mid-answer (a cut response, a dropped connection, a node going down), up to
     * {@code RETRY_PAUSES_MILLIS.length} times after a growing pause: a search changes nothing, and by then SolrJ's
     * cloud client routes to a live replica, which can take a moment to show in the cluster's state while the machine
     * is busy. A reader's error (4xx) is not asked again.
     */
    private QueryResponse query(SolrQuery query) throws SolrServerException, IOException {
        return query(query, SolrRequest.METHOD.GET);
    }

    private QueryResponse query(SolrQuery query, SolrRequest.METHOD method) throws SolrServerException, IOException {
        for (int retry = 0; ; retry++) {
            try {
                return collection.client().query(collection.name(), query, method);
            } catch (SolrServerException | SolrException | IOException e) {
                boolean readersError = e instanceof SolrException solr && solr.code() >= 400 && solr.code() < 500;
                if (readersError || retry == RETRY_PAUSES_MILLIS.length) {
                    throw e;
                }
                retries.incrementAndGet();
                pause(RETRY_PAUSES_MILLIS[retry]);
            }
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to ask the cluster again", e);
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
    private List<Marked> marked(Request request, boolean byRelevance, List<Ranked> page, String plan)
            throws SolrServerException, IOException {
        SolrQuery query = withPlan(toSolr(request, false, byRelevance, page.size()), plan);
        query.setFields(PostFields.HIT_FIELDS.toArray(String[]::new));
        // Post ids are file paths: a line break is the one separator none contains.
        oneOf(query, PostFields.ID, page.stream().map(Ranked::id).toList());
        query.set("hl", true);
        QueryResponse response = query(query);
        Map<String, SolrDocument> docs = new HashMap<>();
        for (SolrDocument doc : response.getResults()) {
            docs.put(string(doc, PostFields.ID), doc);
        }
        Map<String, NamedList<?>> marksById = new HashMap<>();
        addMarks(marksById, response);
        List<String> unmatched = page.stream()
                .map(Ranked::id)
                .filter(id -> !docs.containsKey(id))
                .toList();
        if (!unmatched.isEmpty()) {
            // Posts of the page the query does not match (a series' parts brought up, or posts deleted meanwhile):
            // asked for by id, marked for the query all the same (hl.q), as the embedded index marks them.
            SolrQuery unmatching = everyPost();
            SolrQuery planned = withPlan(toSolr(request, false, byRelevance, 0), plan);
            planned.getParameterNames().forEach(name -> {
                if (name.startsWith("blog.")) {
                    unmatching.set(name, planned.getParams(name));
                }
            });
            unmatching.setFields(PostFields.HIT_FIELDS.toArray(String[]::new));
            oneOf(unmatching, PostFields.ID, unmatched);
            unmatching.setRows(unmatched.size());
            unmatching.set("hl", true);
            if (!planned.getQuery().isBlank()) {
                unmatching.set("hl.q", planned.getQuery());
                unmatching.set("hl.qparser", "blogsearch");
            }
            QueryResponse more = query(unmatching);
            for (SolrDocument doc : more.getResults()) {
                docs.put(string(doc, PostFields.ID), doc);
            }
            addMarks(marksById, more);
        }
        List<Marked> hits = new ArrayList<>(page.size());
        for (Ranked ranked : page) {
            SolrDocument doc = docs.get(ranked.id());
            if (doc == null) {
                // Deleted between the ranking and this request: the page is one post shorter.
                continue;
            }
            NamedList<?> marks = marksById.get(ranked.id());
            hits.add(new Marked(
                    new Hit(
                            ranked.id(),
                            string(doc, PostFields.URL),
                            string(doc, PostFields.TITLE),
                            string(doc, PostFields.DATE_TEXT),
                            strings(doc, PostFields.TAGS),
                            strings(doc, PostFields.HEADING_ANCHORS),
                            ranked.score(),
                            marks == null ? "" : String.valueOf(marks.get("title")),
                            marks == null ? "" : String.valueOf(marks.get("excerpt")),
                            marks == null ? List.of() : headings(marks.get("headings")),
                            string(doc, PostFields.LANG),
                            List.of()),
                    string(doc, PostFields.TRANSLATION_KEY)));
        }
        return hits;
    }

    /** The marks of each post of a response, by id. */
    private static void addMarks(Map<String, NamedList<?>> marksById, QueryResponse response) {
        if (response.getResponse().get("blogHighlighting") instanceof NamedList<?> highlighting) {
            for (int i = 0; i < highlighting.size(); i++) {
                if (highlighting.getVal(i) instanceof NamedList<?> marks) {
                    marksById.put(highlighting.getName(i), marks);
                }
            }
        }
    }

    /**
     * Keeps the posts whose {@code field} is one of {@code values}. Post ids are file paths and translation keys are
     * made of them: a line break is the one separator none contains.
     */
    private static void oneOf(SolrQuery query, String field, List<String> values) {
        query.addFilterQuery("{!terms f=" + field + " separator=$blog.separator v=$blog.values}");
        query.set("blog.separator", "\n");
        query.set("blog.values", String.join("\n", values));
    }

    /** A hit of the page, before its translations are known, and its translation key ({@code null} without). */
    private record Marked(Hit hit, String translationKey) {}

    /**
     * A page's hits with their translations: the other posts with their translation key, whichever shards hold them,
     * asked for the whole page in one request.
     */
    private List<Hit> withTranslations(List<Marked> page) throws SolrServerException, IOException {
        List<String> keys = page.stream()
                .map(Marked::translationKey)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, List<Translation>> byKey = new HashMap<>();
        if (!keys.isEmpty()) {
            SolrQuery query = everyPost();
            query.setFields(
                    PostFields.ID, PostFields.URL, PostFields.TITLE, PostFields.LANG, PostFields.TRANSLATION_KEY);
            oneOf(query, PostFields.TRANSLATION_KEY, keys);
            query.setRows(keys.size() * TRANSLATIONS_PER_KEY);
            for (SolrDocument doc : query(query).getResults()) {
                byKey.computeIfAbsent(string(doc, PostFields.TRANSLATION_KEY), key -> new ArrayList<>())
                        .add(new Translation(
                                string(doc, PostFields.LANG),
                                string(doc, PostFields.ID),
                                string(doc, PostFields.URL),
                                string(doc, PostFields.TITLE)));
            }
        }
        List<Hit> translated = new ArrayList<>(page.size());
        for (Marked marked : page) {
            Hit hit = marked.hit();
            List<Translation> translations = new ArrayList<>();
            for (Translation other : byKey.getOrDefault(marked.translationKey(), List.of())) {
                if (!other.id().equals(hit.id())) {
                    translations.add(other);
                }
            }
            translations.sort(Comparator.comparing(Translation::lang, Comparator.nullsLast(Comparator.naturalOrder())));
            translated.add(new Hit(
                    hit.id(),
                    hit.url(),
                    hit.title(),
                    hit.date(),
                    hit.tags(),
                    hit.anchors(),
                    hit.score(),
                    hit.titleHtml(),
                    hit.excerptHtml(),
                    hit.headings(),
                    hit.lang(),
                    translations));
        }
        return translated;
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
     * @param all every word must match
     */
    static SolrQuery toSolr(Request request, boolean all, boolean byRelevance, int window) {
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
        query.set("sort", ResultOrder.solrSort(byRelevance));
        query.setFields(PostFields.ID, "score");
        query.setStart(0);
        query.setRows(window);
        return query;
    }

    /** Counts the built-in facets and each of the site's own taxonomies over every match. */
    private static SolrQuery withFacets(SolrQuery query, List<String> taxonomies) {
        StringBuilder facets = new StringBuilder("{").append(FACETS);
        for (int i = 0; i < taxonomies.size(); i++) {
            facets.append(',').append(facet(taxonomyFacet(i), PostFields.taxonomyFacetField(taxonomies.get(i))));
        }
        query.set("json.facet", facets.append('}').toString());
        return query;
    }

    /** A taxonomy's facet by its place: a site's taxonomy name need not be a JSON name. */
    private static String taxonomyFacet(int index) {
        return "taxonomy" + index;
    }

    private static String facet(String name, String field) {
        // Every label: they are grouped by key here, which needs each spelling's count. The field quoted: a
        // taxonomy's field has a dot in its name.
        return name + ":{type:terms,field:\"" + field + "\",limit:-1,mincount:1,numBuckets:false}";
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
