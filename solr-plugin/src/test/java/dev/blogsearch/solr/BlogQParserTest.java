package dev.blogsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.query.DayRange;
import dev.blogsearch.query.PostFilters;
import dev.blogsearch.query.PostQueryBuilder;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.query.UserQuery;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.request.LocalSolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.SyntaxError;
import org.apache.solr.util.RefCounted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code {!blogsearch}} builds the service's query, with the service's code, from the core's own index. */
class BlogQParserTest {

    @TempDir
    static Path home;

    private static SolrCore solr;

    @BeforeAll
    static void startSolrWithPosts() throws IOException, SolrServerException {
        solr = SolrCore.start(home);
        solr.client.add(List.of(
                post("posts/upgrade", "Kubernetes 集群升级", "升级 Kubernetes 集群之前先备份 etcd。", List.of("Kubernetes", "运维")),
                post("posts/docker", "Docker 镜像", "Docker images and containers, not Kubernetes.", List.of("Docker")),
                post("posts/raft", "Raft 一致性", "Leader election in etcd uses Raft.", List.of("分布式"))));
        solr.client.commit();
    }

    @AfterAll
    static void stopSolr() throws IOException {
        solr.close();
    }

    private static SolrInputDocument post(String id, String title, String body, List<String> tags) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(PostFields.ID, id);
        doc.addField(PostFields.TITLE, title);
        doc.addField(PostFields.BODY, body);
        for (String tag : tags) {
            doc.addField(PostFields.TAGS, tag);
            doc.addField(PostFields.TAG_KEY, TextFolding.key(tag));
        }
        return doc;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kuberntes 升级", // a typo corrected from the core's words
                "k8s 集群", // a synonym; 集群 a glossary word
                "\"集群升级\" -docker", // a phrase and an exclusion
                "etcd tag:运维 category:云",
                "如何成为开源项目的贡献者",
                "虛擬內存 ｋ８ｓ",
                "containers",
                ""
            })
    void theParsedQueryIsTheOneTheServiceBuilds(String typed) throws SyntaxError, IOException {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.add(BlogQParser.TAG, "Kubernetes");
        params.add(BlogQParser.FROM_DAY, "20200101");
        params.add(BlogQParser.ALL, "true");
        params.add(BlogQParser.LANG, "EN");
        params.add(BlogQParser.TAXONOMY + "series", "Raft 入门");
        try (org.apache.solr.core.SolrCore core = solr.core();
                LocalSolrQueryRequest request = new LocalSolrQueryRequest(core, params)) {
            Query parsed =
                    QParser.getParser(typed, BlogQParserPlugin.NAME, request).getQuery();

            RefCounted<org.apache.solr.search.SolrIndexSearcher> searcher = core.getSearcher();
            try {
                PostAnalyzer analyzer = new PostAnalyzer(UserDictionary.glossary());
                Query expected = new PostQueryBuilder(analyzer)
                        .build(
                                new QueryPlanner(Synonyms.builtIn(), analyzer)
                                        .plan(
                                                UserQuery.parse(typed),
                                                searcher.get().getIndexReader()),
                                new PostFilters(
                                        List.of("Kubernetes"),
                                        List.of(),
                                        new DayRange(20200101, null),
                                        List.of("en"),
                                        Map.of("series", List.of("Raft 入门"))),
                                true);
                assertThat(parsed).isEqualTo(expected);
            } finally {
                searcher.decref();
            }
        }
    }

    @Test
    void aMisspelledWordFindsThePostsOfTheWordTheCoreHolds() throws IOException, SolrServerException {
        assertThat(ids("kuberntes")).contains("posts/upgrade");
    }

    @Test
    void aSynonymFindsThePostsOfTheOtherTerm() throws IOException, SolrServerException {
        assertThat(ids("k8s")).contains("posts/upgrade");
    }

    @Test
    void localParamsInTheReadersTextAreText() throws IOException, SolrServerException {
        // The configset's /select parses q with {!blogsearch} only: a reader cannot switch parsers.
        assertThat(ids("{!lucene}*:*")).isEmpty();
        assertThat(ids("*:*")).isEmpty();
    }

    @Test
    void tagFiltersAndExclusionsApply() throws IOException, SolrServerException {
        assertThat(ids("kubernetes -docker")).containsExactly("posts/upgrade");
        SolrQuery query = new SolrQuery("etcd");
        query.add(BlogQParser.TAG, "分布式");
        assertThat(ids(query)).containsExactly("posts/raft");
    }

    private static List<String> ids(String q) throws IOException, SolrServerException {
        return ids(new SolrQuery(q));
    }

    private static List<String> ids(SolrQuery query) throws IOException, SolrServerException {
        query.setFields(PostFields.ID);
        return solr.client.query(query).getResults().stream()
                .map(doc -> (String) doc.getFirstValue(PostFields.ID))
                .toList();
    }
}
