package dev.blogsearch.api.search;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.config.InvalidSettingException;
import dev.blogsearch.api.config.SolrCloudConfig;
import dev.blogsearch.highlight.MatchedHeading;
import dev.blogsearch.solrcloud.SolrCollection;
import dev.blogsearch.solrcloud.SolrSearcher;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches a SolrCloud collection ({@code blogsearch.backend=solrcloud}) and answers as the embedded index does: the
 * plugin's {@code {!blogsearch}} reads the query with the service's own planner on every shard (synonyms, plural
 * forms, typo correction, the word being typed completed, filters), the shards mark titles, excerpts and headings
 * with the service's own excerpt builder, and {@link SolrSearcher} ranks complete matches first, brings a named
 * series' parts together and groups the facets as the embedded index does. What cannot run on the cluster ({@code explain}) is named in
 * {@link SearchResults#unsupported()}.
 *
 * <p>Connects at start-up: a cluster or collection that is missing stops the service with one line. A node lost
 * later costs no search (SolrJ's cloud client routes to live replicas; a search cut mid-answer is asked once more).
 * Thread-safe.
 */
@Context
@Requires(property = Backend.PROPERTY, value = Backend.SOLRCLOUD)
public final class SolrCloudSearch implements PostSearch {

    private static final Logger LOG = LoggerFactory.getLogger(SolrCloudSearch.class);

    private final SolrCollection collection;
    private final SolrSearcher searcher;

    SolrCloudSearch(SolrCloudConfig config) {
        if (config.zkHost() == null || config.zkHost().isBlank()) {
            throw new InvalidSettingException("blogsearch.solrcloud.zk-host (BLOGSEARCH_SOLR_ZK_HOST) must name the"
                    + " cluster's ZooKeeper hosts (zk1:2181,zk2:2181/solr) when blogsearch.backend is solrcloud");
        }
        try {
            this.collection = SolrCollection.connect(config.zkHost().strip(), config.collection());
        } catch (IOException e) {
            throw new InvalidSettingException(
                    "blogsearch.solrcloud (BLOGSEARCH_SOLR_ZK_HOST, BLOGSEARCH_SOLR_COLLECTION): " + e.getMessage());
        }
        this.searcher = new SolrSearcher(collection);
        LOG.info("Searching SolrCloud collection {} at {}", config.collection(), config.zkHost());
    }

    @Override
    public SearchResults search(SearchRequest request) throws IOException {
        long arrived = System.nanoTime();
        int start = (request.page() - 1) * request.size();
        int rows = Math.max(0, Math.min(request.size(), SearchService.MAX_RESULT_WINDOW - start));
        SolrSearcher.Page page = searcher.search(new SolrSearcher.Request(
                request.query(),
                request.filters(),
                start,
                rows,
                request.order() == SearchRequest.Order.DATE,
                request.reading()));
        List<SearchResults.Hit> hits = page.hits().stream()
                .map(hit -> new SearchResults.Hit(
                        hit.id(),
                        hit.url(),
                        hit.title(),
                        hit.titleHtml(),
                        hit.excerptHtml(),
                        hit.date(),
                        hit.tags(),
                        hit.score(),
                        SearchService.sections(
                                hit.url(),
                                hit.anchors(),
                                hit.headings().stream()
                                        .map(heading ->
                                                new MatchedHeading(heading.index(), heading.text(), heading.html()))
                                        .toList()),
                        null,
                        hit.lang(),
                        hit.translations().stream()
                                .map(translation -> new SearchResults.Translation(
                                        translation.lang(), translation.id(), translation.url(), translation.title()))
                                .toList()))
                .toList();
        List<SearchResults.Rewrite> rewrites = page.rewrites().stream()
                .map(rewrite -> new SearchResults.Rewrite(rewrite.typed(), rewrite.searched(), rewrite.kind()))
                .toList();
        return new SearchResults(
                (int) Math.min(Integer.MAX_VALUE, page.total()),
                hits,
                labelCounts(page.tags()),
                labelCounts(page.categories()),
                labelCounts(page.years()),
                null,
                (System.nanoTime() - arrived) / 1_000_000,
                page.partial(),
                rewrites,
                SearchService.searchedFor(request.query(), rewrites),
                labelCounts(page.languages()),
                taxonomyCounts(page.taxonomies()),
                // Each replica has its own index version, so none keys the whole collection's answer: not cached.
                SearchResults.UNVERSIONED,
                request.explain() ? List.of("explain") : List.of());
    }

    @Override
    public List<SearchResults.LabelCount> allLanguages() throws IOException {
        return labelCounts(searcher.allLanguages());
    }

    /** The taxonomies the indexer's last run recorded in the collection's properties. */
    @Override
    public List<String> taxonomies() throws IOException {
        return searcher.taxonomies();
    }

    /** The collection's searcher, for what else the service asks of it (completions, related posts). */
    public SolrSearcher searcher() {
        return searcher;
    }

    @Override
    public List<SearchResults.LabelCount> allTags() throws IOException {
        return labelCounts(searcher.allTags());
    }

    private static Map<String, List<SearchResults.LabelCount>> taxonomyCounts(
            Map<String, List<SolrSearcher.LabelCount>> counts) {
        Map<String, List<SearchResults.LabelCount>> taxonomies = new LinkedHashMap<>();
        counts.forEach((plural, labels) -> taxonomies.put(plural, labelCounts(labels)));
        return taxonomies;
    }

    private static List<SearchResults.LabelCount> labelCounts(List<SolrSearcher.LabelCount> counts) {
        return counts.stream()
                .map(count -> new SearchResults.LabelCount(count.label(), count.count()))
                .toList();
    }

    @PreDestroy
    void close() throws IOException {
        collection.close();
    }
}
