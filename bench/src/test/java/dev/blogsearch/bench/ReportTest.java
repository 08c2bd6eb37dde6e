package dev.blogsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Properties run() {
        Properties figures = new Properties();
        figures.setProperty("corpus.posts", "1000");
        figures.setProperty("corpus.text_mb", "3.0");
        for (String server : new String[] {"http", "solr"}) {
            for (String stream : new String[] {"judged", "realistic", "norepeat"}) {
                for (String connections : new String[] {"c1", "c16"}) {
                    String key = server + "." + stream + "." + connections;
                    boolean service = server.equals("http");
                    figures.setProperty(key + ".rps", service ? "600" : "300");
                    figures.setProperty(key + ".p50_ms", service ? "10" : "20");
                    figures.setProperty(key + ".p90_ms", service ? "30" : "20");
                    figures.setProperty(key + ".p99_ms", service ? "90" : "60");
                    figures.setProperty(key + ".errors", "0");
                    figures.setProperty(key + ".requests", service ? "12000" : "6000");
                    figures.setProperty(key + ".repeats", "0");
                    figures.setProperty(key + ".server_cpu_ms", service ? "1.5" : "3.0");
                }
            }
        }
        figures.setProperty("solr.judged.c1.cache_hit_ratio", "0.991");
        figures.setProperty("solr.judged.c16.cache_hit_ratio", "1.0");
        figures.setProperty("solr.norepeat.c16.cache_hit_ratio", "0.0");
        figures.setProperty("index.cli_full.seconds", "4.0");
        figures.setProperty("index.cli_full.threads", "2");
        figures.setProperty("solr.index.docs", "1000");
        figures.setProperty("solr.index.seconds", "2.0");
        return figures;
    }

    @Test
    void everyStreamShowsTheServiceBesideSolrWithTheirRatio() {
        String report = new Report(run()).render();
        assertThat(report)
                .contains("| realistic, 16 conns | req/s | 600 | 300 | 2× |")
                .contains("| no-repeat, 1 conn | p50 / p90 / p99 ms | 10 / 30 / 90 | 20 / 20 / 60"
                        + " | 0.50× / 1.50× / 1.50× |")
                .contains("| judged, 16 conns | errors (requests) | 0 (12,000) | 0 (6,000) |  |")
                .contains("| realistic, 1 conn | server CPU ms per request | 1.50 | 3 | 0.50× |")
                .contains("query result cache answered, 1 / 16 conns: judged 99% / 100%; realistic – / –;"
                        + " no-repeat – / 0%.");
        // Indexing: 1,000 posts in 4 s against Solr's 2 s is half Solr's rate.
        assertThat(report).contains("| service, `blog-indexer --full`, fresh JVM | 2 | 4 | 250 | 0.75 | 0.50× |");
        assertThat(report)
                .contains("| HTTP@16 ≥ 1.5× Solr (realistic) | 600 req/s | 300 req/s Solr | 2× | met |")
                .contains("| p99 ≤ Solr's (no-repeat, 16 conns) | 90 ms | 60 ms Solr | 1.50× | **not met** |");
    }

    @Test
    void aRepeatedNoRepeatQueryAndDifferentPostCountsAreFlagged() {
        Properties figures = run();
        figures.setProperty("solr.norepeat.c16.repeats", "12");
        figures.setProperty("solr.index.docs", "999");
        String report = new Report(figures).render();
        assertThat(report).contains("0 (6,000), **12 repeated**");
        assertThat(report).contains("**Solr indexed 999 posts, the service 1000");
    }

    @Test
    void theSameWorkRunsStandBesideTheUsualNoRepeatRuns() {
        Properties figures = run();
        assertThat(new Report(figures).render()).doesNotContain("Same work");
        for (String connections : new String[] {"c1", "c16"}) {
            figures.setProperty("http.samework." + connections + ".rps", "800");
            figures.setProperty("http.samework." + connections + ".p99_ms", "40");
            figures.setProperty("http.samework." + connections + ".server_cpu_ms", "1.2");
            figures.setProperty("http.samework." + connections + ".errors", "0");
            figures.setProperty("http.samework." + connections + ".requests", "16000");
            figures.setProperty("solr.samework." + connections + ".rps", "200");
            figures.setProperty("solr.samework." + connections + ".p99_ms", "80");
            figures.setProperty("solr.samework." + connections + ".server_cpu_ms", "4.0");
            figures.setProperty("solr.samework." + connections + ".errors", "0");
            figures.setProperty("solr.samework." + connections + ".requests", "4000");
        }
        figures.setProperty("solr.samework.c16.repeats", "3");
        figures.setProperty("http.samework.path", "/api/search?verbatim=true&q=");
        figures.setProperty("solr.samework.path", "/solr/blog/select?facet=true&q=");
        String report = new Report(figures).render();
        assertThat(report)
                .contains("the service asked `/api/search?verbatim=true&q=…`, Solr `/solr/blog/select?facet=true&q=…`.")
                .contains("| 16 conns | req/s | 600 | 800 | 300 | 200 | 4× |")
                .contains("| 1 conn | p99 ms | 90 | 40 | 60 | 80 | 0.50× |")
                .contains("| 1 conn | server CPU ms per request | 1.50 | 1.20 | 3 | 4 | 0.30× |")
                .contains(
                        "| 16 conns | errors (requests) | 0 (12,000) | 0 (16,000) | 0 (6,000) | 0 (4,000), **3 repeated** |  |");
    }

    @Test
    void aRunWithoutSolrSaysSoInsteadOfRatios() {
        Properties figures = new Properties();
        figures.setProperty("corpus.posts", "1000");
        figures.setProperty("http.realistic.c16.rps", "600");
        String report = new Report(figures).render();
        assertThat(report).contains("| realistic, 16 conns | req/s | 600 | – | – |");
        assertThat(report).contains("Solr not run (BENCH_SOLR=0)");
    }
}
