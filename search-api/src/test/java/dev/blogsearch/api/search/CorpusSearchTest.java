package dev.blogsearch.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.indexer.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real blogs from {@code ../shared/corpus}: each indexes as a whole, and queries a reader would type find the
 * post they are after among the first hits.
 */
class CorpusSearchTest {

    @TempDir
    Path temp;

    private List<String> topIds(String blog, String... queries) throws IOException {
        Path content = SharedCorpus.blog(blog);
        BlogSearchConfig config = BlogSearchConfig.of(content, temp.resolve("index"));
        try (SearchIndex index = new SearchIndex(config)) {
            SearchService service = new SearchService(index);
            return java.util.Arrays.stream(queries)
                    .map(query -> {
                        try {
                            SearchResults results = service.search(
                                    new SearchRequest(query, List.of(), 1, 3, SearchRequest.Order.RELEVANCE));
                            return query + " -> "
                                    + results.hits().stream()
                                            .map(SearchResults.Hit::id)
                                            .toList();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    @Test
    void aChineseBlogFindsItsPostsByChineseEnglishAndMixedQueries() throws IOException {
        assertThat(topIds("yangwenmai-maiyang.me", "incorrect frame size", "jaeger 分布式追踪", "thrift frame size"))
                .satisfiesExactly(
                        first -> assertThat(first).contains("post/2016-03-22-thrift-frame-size"),
                        second -> assertThat(second)
                                .containsAnyOf(
                                        "post/2017-11-23-jaeger-guide", "post/2017-12-30-jaeger-opentracing-guide"),
                        third -> assertThat(third).contains("post/2016-03-22-thrift-frame-size"));
    }

    @Test
    void aLongPostBlogInBothLanguagesFindsItsPosts() throws IOException {
        assertThat(topIds("ArthurChiao-arthurchiao.github.io", "iptables netfilter 架构", "strace 是如何工作的"))
                .satisfiesExactly(
                        first -> assertThat(first)
                                .contains("_posts/2019-02-18-deep-dive-into-iptables-and-netfilter-arch-zh"),
                        second -> assertThat(second).contains("_posts/2019-02-02-how-does-strace-work-zh"));
    }

    @Test
    void anEnglishTomlBlogFindsItsPosts() throws IOException {
        assertThat(topIds("nats-io-nats-site", "k3s", "earthquake warning"))
                .satisfiesExactly(
                        first -> assertThat(first).contains("blog/exploring-nats-as-a-backend-for-k3s"),
                        second -> assertThat(second).contains("blog/EarthquakeWarningNATS"));
    }
}
