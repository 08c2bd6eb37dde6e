package dev.blogsearch.api.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.api.search.SearchResults;
import dev.blogsearch.api.search.SearchService;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexProgress;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.testing.SharedCorpus;
import dev.blogsearch.query.PostFilters;
import dev.blogsearch.solrcloud.CollectionCreator;
import dev.blogsearch.solrcloud.SolrCollection;
import dev.blogsearch.solrcloud.SolrPostStore;
import dev.blogsearch.solrcloud.SolrSearcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same blog, indexed into a 3-node SolrCloud cluster (2 shards × 2 replicas) and into the embedded index, ranks
 * its judged queries the same way: the same top 3 for at least 95% of them, and nDCG@10 within 0.01. The cluster
 * scores with the collection's statistics (ExactStatsCache), not each shard's, or a 128-post blog split in two would
 * rank differently.
 */
class SolrCloudEquivalenceTest {

    private static final String BLOG = "nats-io-nats-site";

    @TempDir
    Path temp;

    @Test
    void theClusterRanksTheJudgedQueriesAsTheEmbeddedIndexDoes() throws Exception {
        Path content = SharedCorpus.blog(BLOG);
        List<Judgments.Query> queries = Judgments.load(SearchQualityTest.evalDir()).queries().stream()
                .filter(query -> query.blog().equals(BLOG))
                .toList();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(40);

        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(3, temp.resolve("cluster")).build();
        try (SearchIndex embedded = new SearchIndex(BlogSearchConfig.of(content, temp.resolve("index")));
                SolrCollection collection =
                        SolrCollection.open(cluster.getZkServer().getZkAddress(), "blog")) {
            CollectionCreator.create(collection, "blog", 2, 2, List.of());
            cluster.waitForActiveCollection("blog", 60, TimeUnit.SECONDS, 2, 4);
            IndexRunSummary indexed = new BlogIndexer(IndexSettings.defaults())
                    .index(content, new SolrPostStore(collection), false, IndexProgress.NONE);
            assertThat(indexed.failures()).isEmpty();

            SearchService service = new SearchService(embedded);
            SolrSearcher solr = new SolrSearcher(collection);
            int sameTop3 = 0;
            List<Metrics.Scores> embeddedScores = new ArrayList<>();
            List<Metrics.Scores> clusterScores = new ArrayList<>();
            List<String> differences = new ArrayList<>();
            for (Judgments.Query query : queries) {
                List<String> ours = service
                        .search(new SearchRequest(
                                query.text(), List.of(), 1, Metrics.CUTOFF, SearchRequest.Order.RELEVANCE))
                        .hits()
                        .stream()
                        .map(SearchResults.Hit::id)
                        .toList();
                List<String> cluster10 = solr
                        .search(new SolrSearcher.Request(query.text(), PostFilters.NONE, 0, Metrics.CUTOFF, false))
                        .hits()
                        .stream()
                        .map(SolrSearcher.Hit::id)
                        .toList();
                if (top3(ours).equals(top3(cluster10))) {
                    sameTop3++;
                } else {
                    differences.add(query.id() + " " + query.text() + ": embedded " + top3(ours) + ", cluster "
                            + top3(cluster10));
                }
                if (query.hasAnswer()) {
                    embeddedScores.add(Metrics.score(ours, query.grades()));
                    clusterScores.add(Metrics.score(cluster10, query.grades()));
                }
            }
            double agreement = sameTop3 / (double) queries.size();
            double embeddedNdcg = Metrics.Summary.of(embeddedScores).ndcg();
            double clusterNdcg = Metrics.Summary.of(clusterScores).ndcg();
            System.out.printf(
                    Locale.ROOT,
                    "SolrCloud equivalence on %s: %d queries, same top 3 for %d (%.1f%%); nDCG@10 embedded %.4f,"
                            + " cluster %.4f (%d judged)%n",
                    BLOG,
                    queries.size(),
                    sameTop3,
                    100 * agreement,
                    embeddedNdcg,
                    clusterNdcg,
                    embeddedScores.size());
            differences.forEach(difference -> System.out.println("  " + difference));

            assertThat(agreement).as("share of queries with the same top 3").isGreaterThanOrEqualTo(0.95);
            assertThat(Math.abs(embeddedNdcg - clusterNdcg))
                    .as("nDCG@10 difference")
                    .isLessThanOrEqualTo(0.01);
        } finally {
            cluster.shutdown();
        }
    }

    private static List<String> top3(List<String> ranking) {
        return ranking.subList(0, Math.min(3, ranking.size()));
    }
}
