package dev.blogsearch.api.search;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.config.CacheConfig;
import dev.blogsearch.api.config.DefaultSettings;
import dev.blogsearch.api.config.LimitsConfig;
import dev.blogsearch.api.explain.QueryExplainer;
import dev.blogsearch.api.explain.QueryExplanation;
import dev.blogsearch.api.facets.LabelCounts;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.highlight.ExcerptBuilder;
import dev.blogsearch.highlight.MatchedHeading;
import dev.blogsearch.query.PostQueryBuilder;
import dev.blogsearch.query.QueryPlan;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.query.ResultOrder;
import dev.blogsearch.query.SeriesRanking;
import dev.blogsearch.query.UserQuery;
import dev.blogsearch.schema.PostFields;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;

/**
 * Searches the blog: ranks the matching posts, counts their tags and highlights the page asked for.
 * Thread-safe; each call works on the searcher it acquires.
 */
@Singleton
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
public final class SearchService implements PostSearch {

    /** How deep results can be ranked: deeper pages would cost every request for pages nobody reads. */
    public static final int MAX_RESULT_WINDOW = 5_000;

    /** The stored fields a hit shows, read with the text the highlighter reads. */
    private static final Set<String> HIT_FIELDS = Set.copyOf(PostFields.HIT_FIELDS);

    /** The stored fields of a hit's translation. */
    private static final Set<String> TRANSLATION_FIELDS =
            Set.of(PostFields.ID, PostFields.URL, PostFields.TITLE, PostFields.LANG);

    /** The facets every search counts; the site's own taxonomies are counted besides. */
    private static final List<String> BUILT_IN_FACETS =
            List.of(PostFields.TAG_FACET, PostFields.CATEGORY_FACET, PostFields.YEAR_FACET, PostFields.LANGUAGE_FACET);

    private final SearchIndex index;
    private final QueryPlanner planner;
    private final PostQueryBuilder queries;
    private final ExcerptBuilder excerpts;
    private final QueryExplainer explainer;
    private final long timeBudgetNanos;
    private final SearchGate gate;
    /** Null when nothing is cached. */
    private final SearchCache cache;

    @Inject
    public SearchService(
            SearchIndex index, Synonyms synonyms, LimitsConfig limits, SearchGate gate, CacheConfig caching) {
        this(index, synonyms, limits, gate, caching.maxEntries());
    }

    /** With a gate of its own and no cache: for tools and tests that measure or compare searches. */
    public SearchService(SearchIndex index, Synonyms synonyms, LimitsConfig limits) {
        this(index, synonyms, limits, new SearchGate(limits), 0);
    }

    /** With application.yml's time budget. */
    public SearchService(SearchIndex index, Synonyms synonyms) {
        this(index, synonyms, DefaultSettings.of(LimitsConfig.class));
    }

    /** With the built-in synonyms only. */
    public SearchService(SearchIndex index) {
        this(index, Synonyms.builtIn());
    }

    private SearchService(SearchIndex index, Synonyms synonyms, LimitsConfig limits, SearchGate gate, int cached) {
        this.index = index;
        this.cache = cached > 0 ? new SearchCache(cached) : null;
        if (cache != null) {
            index.onRefresh(cache::clear);
        }
        this.planner = new QueryPlanner(synonyms, index.analyzer());
        this.queries = new PostQueryBuilder(index.analyzer());
        this.excerpts = new ExcerptBuilder(index.analyzer());
        this.explainer = new QueryExplainer(index.analyzer());
        this.timeBudgetNanos = limits.timeBudget().toNanos();
        this.gate = gate;
    }

    /**
     * Searches once one of the gate's slots is free. The time budget starts when the search does; the time it
     * reports includes the wait.
     */
    @Override
    public SearchResults search(SearchRequest request) throws IOException {
        long arrived = System.nanoTime();
        IndexSearcher shared = index.acquire();
        try {
            long version = SearchIndex.version(shared);
            if (cache == null || request.explain()) {
                return gate.run(() -> searchNow(request, shared, version, arrived));
            }
            // A cached answer needs no core: it is not queued behind searches that do.
            SearchCache.Key key = SearchCache.Key.of(request, version);
            SearchResults cached = cache.get(key);
            if (cached != null) {
                return cached.answeredIn((System.nanoTime() - arrived) / 1_000_000);
            }
            SearchResults results = gate.run(() -> searchNow(request, shared, version, arrived));
            if (!results.partial()) {
                cache.put(key, results);
            }
            return results;
        } finally {
            index.release(shared);
        }
    }

    private SearchResults searchNow(SearchRequest request, IndexSearcher shared, long version, long arrived)
            throws IOException {
        long started = System.nanoTime();
        UserQuery userQuery = UserQuery.parse(request.query());
        int start = (request.page() - 1) * request.size();
        int window = Math.max(1, Math.min(start + request.size(), MAX_RESULT_WINDOW));

        long deadline = started + timeBudgetNanos;
        RequestSearcher searcher = new RequestSearcher(shared, () -> System.nanoTime() - deadline >= 0);
        QueryPlan plan = planner.plan(userQuery, searcher.getIndexReader(), request.reading());
        // No words, only tags: the tag's posts, newest first.
        boolean byRelevance = request.order() == SearchRequest.Order.RELEVANCE
                && !plan.units().isEmpty();
        Sort sort = ResultOrder.of(byRelevance);
        PostQueryBuilder.Matching queried = queries.matching(plan, request.filters());
        Query all = queried.all();
        Query any = queried.any();

        // Every post with any of the words is a result (and counted in the facets); those with all of them
        // come first, however well a post with only some of them scores. So when posts with all of them fill the
        // page, the others are only counted, which needs no score.
        List<String> taxonomies = SearchIndex.taxonomies(searcher);
        Page matching;
        ScoreDoc[] ranked;
        int completeMatches;
        if (any == all) {
            matching = run(searcher, any, sort, window, taxonomies);
            ranked = matching.top().scoreDocs;
            completeMatches = ranked.length;
        } else {
            searcher.buildScoringEveryMatch(any);
            ScoreDoc[] complete = searcher.search(all, top(sort, window)).scoreDocs;
            if (complete.length >= window) {
                matching = count(searcher, any, taxonomies);
                ranked = complete;
            } else {
                matching = run(searcher, any, sort, window, taxonomies);
                ranked = completeMatchesFirst(complete, matching.top().scoreDocs, window);
            }
            completeMatches = Math.min(complete.length, ranked.length);
        }
        boolean partial = searcher.timedOut();
        SeriesRanking.Result series = byRelevance && !partial
                ? SeriesRanking.rerank(searcher, SearchIndex.series(shared), plan, ranked, completeMatches, any, window)
                : null;
        if (series != null) {
            ranked = series.ranked();
        }
        ScoreDoc[] pageDocs =
                start < ranked.length ? Arrays.copyOfRange(ranked, start, ranked.length) : new ScoreDoc[0];
        List<SearchResults.Hit> hits = toHits(searcher, any, pageDocs, byRelevance, request.explain());
        QueryExplanation explanation = request.explain() ? explainer.explain(request, plan, all) : null;
        if (explanation != null && series != null && series.series() != null) {
            explanation = explanation.withSeries(new QueryExplanation.SeriesParts(
                    series.series().name(), series.series().ids(), series.weight()));
        }
        List<SearchResults.Rewrite> rewrites = plan.rewrites().stream()
                .map(rewrite -> new SearchResults.Rewrite(
                        rewrite.typed(),
                        rewrite.searched(),
                        rewrite.kind().name().toLowerCase(Locale.ROOT)))
                .toList();
        List<SearchResults.LabelCount> years = new ArrayList<>(matching.counts(PostFields.YEAR_FACET));
        years.sort(Comparator.comparing(SearchResults.LabelCount::label).reversed());
        long tookMs = (System.nanoTime() - arrived) / 1_000_000;
        return new SearchResults(
                // A search cut short by its budget may have ranked posts its count never reached.
                Math.max(matching.total(), ranked.length) + (series == null ? 0 : series.added()),
                hits,
                matching.counts(PostFields.TAG_FACET),
                matching.counts(PostFields.CATEGORY_FACET),
                years,
                explanation,
                tookMs,
                partial,
                rewrites,
                searchedFor(request.query(), rewrites),
                matching.counts(PostFields.LANGUAGE_FACET),
                taxonomyCounts(matching, taxonomies),
                version,
                List.of());
    }

    /**
     * The query as it was searched: each rewritten word replaced, where it was typed, by the word it was searched as
     * ({@code redis kub} → {@code redis kubernetes}); null when every word was searched as typed. Folding maps one
     * character to one, so a word found in the folded, lower-cased query is at the same place in the query.
     */
    static String searchedFor(String query, List<SearchResults.Rewrite> rewrites) {
        if (rewrites.isEmpty()) {
            return null;
        }
        String text = query.strip();
        for (SearchResults.Rewrite rewrite : rewrites) {
            String folded = TextFolding.lowerFold(text);
            int at = folded.lastIndexOf(rewrite.typed().toLowerCase(Locale.ROOT));
            if (at < 0 || folded.length() != text.length()) {
                text = folded;
                at = folded.lastIndexOf(rewrite.typed().toLowerCase(Locale.ROOT));
            }
            if (at >= 0) {
                text = text.substring(0, at)
                        + rewrite.searched()
                        + text.substring(at + rewrite.typed().length());
            }
        }
        return text;
    }

    /** The complete matches in their order, then the partial ones in theirs, at most {@code window}. */
    private static ScoreDoc[] completeMatchesFirst(ScoreDoc[] complete, ScoreDoc[] partial, int window) {
        Set<Integer> seen = new HashSet<>();
        List<ScoreDoc> ranked = new ArrayList<>(window);
        for (ScoreDoc doc : complete) {
            if (seen.add(doc.doc)) {
                ranked.add(doc);
            }
        }
        for (ScoreDoc doc : partial) {
            if (ranked.size() >= window) {
                break;
            }
            if (seen.add(doc.doc)) {
                ranked.add(doc);
            }
        }
        return ranked.toArray(new ScoreDoc[0]);
    }

    /** How a query is understood, as {@code explain=true} reports it, without running it. */
    public QueryExplanation understand(String query) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            SearchRequest request = new SearchRequest(query, List.of(), 1, 1, SearchRequest.Order.RELEVANCE);
            QueryPlan plan = planner.plan(UserQuery.parse(query), searcher.getIndexReader());
            return explainer.explain(request, plan, queries.build(plan, request.filters(), true));
        } finally {
            index.release(searcher);
        }
    }

    /** How many posts contain {@code text} as written, in title, headings or body. */
    public int postsContaining(String text) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            return searcher.count(queries.exactText(text));
        } finally {
            index.release(searcher);
        }
    }

    /** Whether a post with this id is in the index. */
    public boolean hasPost(String id) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            return searcher.count(new TermQuery(new Term(PostFields.ID, id))) > 0;
        } finally {
            index.release(searcher);
        }
    }

    @Override
    public List<SearchResults.LabelCount> allTags() throws IOException {
        return allLabels(PostFields.TAG_FACET);
    }

    /** Every language of the blog's posts (their codes) with its number of posts, most first; empty without any. */
    @Override
    public List<SearchResults.LabelCount> allLanguages() throws IOException {
        return allLabels(PostFields.LANGUAGE_FACET);
    }

    private List<SearchResults.LabelCount> allLabels(String facetField) throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            return searcher
                    .search(new MatchAllDocsQuery(), new LabelCounts(searcher.getIndexReader(), facetField))
                    .counts()
                    .stream()
                    .map(count -> new SearchResults.LabelCount(count.label(), count.count()))
                    .toList();
        } finally {
            index.release(searcher);
        }
    }

    private static Map<String, List<SearchResults.LabelCount>> taxonomyCounts(Page page, List<String> taxonomies) {
        Map<String, List<SearchResults.LabelCount>> counts = new LinkedHashMap<>();
        taxonomies.forEach(plural -> counts.put(plural, page.counts(PostFields.taxonomyFacetField(plural))));
        return counts;
    }

    /** The site's own taxonomies (besides tags and categories) of the index being searched, by plural name. */
    @Override
    public List<String> taxonomies() throws IOException {
        IndexSearcher searcher = index.acquire();
        try {
            return SearchIndex.taxonomies(searcher);
        } finally {
            index.release(searcher);
        }
    }

    private static List<SearchResults.LabelCount> labelCounts(LabelCounts.Result result) {
        return result.counts().stream()
                .map(count -> new SearchResults.LabelCount(count.label(), count.count()))
                .toList();
    }

    /** @param top the ranking's top, null when the posts were only counted */
    private record Page(TopFieldDocs top, Map<String, LabelCounts.Result> facets) {
        int total() {
            return facets.get(PostFields.TAG_FACET).totalHits();
        }

        List<SearchResults.LabelCount> counts(String facetField) {
            return labelCounts(facets.get(facetField));
        }
    }

    /** The top of the ranking, and the labels of every facet field counted over all matching posts. */
    private static Page run(IndexSearcher searcher, Query query, Sort sort, int window, List<String> taxonomies)
            throws IOException {
        return search(searcher, query, top(sort, window), taxonomies);
    }

    /** The first {@code window} posts in {@code sort}'s order; counting stops there, so Lucene may skip the rest. */
    private static TopFieldCollectorManager top(Sort sort, int window) {
        return new TopFieldCollectorManager(sort, window, null, window);
    }

    /** The labels of every facet field counted over all matching posts, without ranking them. */
    private static Page count(IndexSearcher searcher, Query query, List<String> taxonomies) throws IOException {
        return search(searcher, CountingQuery.of(query), null, taxonomies);
    }

    private static Page search(
            IndexSearcher searcher, Query query, TopFieldCollectorManager ranking, List<String> taxonomies)
            throws IOException {
        List<String> facetFields = new ArrayList<>(BUILT_IN_FACETS);
        taxonomies.forEach(plural -> facetFields.add(PostFields.taxonomyFacetField(plural)));
        List<CollectorManager<?, ?>> managers = new ArrayList<>();
        if (ranking != null) {
            managers.add(ranking);
        }
        int firstFacet = managers.size();
        facetFields.forEach(field -> managers.add(new LabelCounts(searcher.getIndexReader(), field)));
        Object[] results =
                searcher.search(query, new MultiCollectorManager(managers.toArray(new CollectorManager<?, ?>[0])));
        Map<String, LabelCounts.Result> counts = new HashMap<>();
        for (int i = 0; i < facetFields.size(); i++) {
            counts.put(facetFields.get(i), (LabelCounts.Result) results[firstFacet + i]);
        }
        return new Page(ranking == null ? null : (TopFieldDocs) results[0], counts);
    }

    private List<SearchResults.Hit> toHits(
            IndexSearcher searcher, Query query, ScoreDoc[] docs, boolean scored, boolean explain) throws IOException {
        int[] docIds = Arrays.stream(docs).mapToInt(doc -> doc.doc).toArray();
        ExcerptBuilder.Highlight[] highlights = excerpts.highlight(searcher, query, docIds, HIT_FIELDS);
        Weight matchesWeight = explain && docs.length > 0 ? QueryExplainer.matchesWeight(searcher, query) : null;
        List<SearchResults.Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document doc = highlights[i].stored();
            float score = scored && docs[i] instanceof FieldDoc fieldDoc && fieldDoc.fields[0] instanceof Float value
                    ? value
                    : 0f;
            hits.add(new SearchResults.Hit(
                    doc.get(PostFields.ID),
                    doc.get(PostFields.URL),
                    doc.get(PostFields.TITLE),
                    highlights[i].titleHtml(),
                    highlights[i].excerptHtml(),
                    doc.get(PostFields.DATE_TEXT),
                    Arrays.asList(doc.getValues(PostFields.TAGS)),
                    score,
                    sections(doc, highlights[i].headings()),
                    matchesWeight == null ? null : QueryExplainer.matched(searcher, matchesWeight, docIds[i]),
                    doc.get(PostFields.LANG),
                    translations(searcher, docIds[i], doc)));
        }
        return hits;
    }

    /** The other posts with the post's translation key: its versions in other languages, by language. */
    private static List<SearchResults.Translation> translations(IndexSearcher searcher, int docId, Document doc)
            throws IOException {
        String key = doc.get(PostFields.TRANSLATION_KEY);
        if (key == null) {
            return List.of();
        }
        StoredFields stored = searcher.storedFields();
        List<SearchResults.Translation> translations = new ArrayList<>();
        // A post has a handful of translations at most.
        for (int other :
                PostsWithTerm.first(searcher.getIndexReader(), new Term(PostFields.TRANSLATION_KEY, key), 20)) {
            // The post itself is among them: skipped before its stored fields are read, which would decompress its
            // block (body included) once more for every hit.
            if (other != docId) {
                Document translation = stored.document(other, TRANSLATION_FIELDS);
                translations.add(new SearchResults.Translation(
                        translation.get(PostFields.LANG),
                        translation.get(PostFields.ID),
                        translation.get(PostFields.URL),
                        translation.get(PostFields.TITLE)));
            }
        }
        translations.sort(
                Comparator.comparing(SearchResults.Translation::lang, Comparator.nullsLast(Comparator.naturalOrder())));
        return translations;
    }

    /** The matched headings as links to their sections: the post's URL and the heading's Hugo anchor. */
    private static List<SearchResults.Section> sections(Document doc, List<MatchedHeading> headings) {
        return sections(doc.get(PostFields.URL), Arrays.asList(doc.getValues(PostFields.HEADING_ANCHORS)), headings);
    }

    /** The matched headings as links to their sections: the post's URL and the heading's Hugo anchor. */
    static List<SearchResults.Section> sections(String url, List<String> anchors, List<MatchedHeading> headings) {
        List<SearchResults.Section> sections = new ArrayList<>(headings.size());
        for (MatchedHeading heading : headings) {
            // An index written before anchors were stored has none: no link rather than a wrong one.
            if (heading.index() < anchors.size()) {
                sections.add(new SearchResults.Section(
                        heading.text(), heading.html(), url + "#" + anchors.get(heading.index())));
            }
        }
        return sections;
    }
}
