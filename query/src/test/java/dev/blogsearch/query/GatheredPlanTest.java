package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A blog split into two shards plans a query as the whole blog does when the plan is made from both shards' answers
 * ({@link GatheredLexicon}), each question and answer sent as text; planned on one shard alone, it is not.
 */
class GatheredPlanTest {

    private final QueryPlanner planner = new QueryPlanner(Synonyms.builtIn(), PlanTestBlog.ANALYZER);
    private DirectoryReader whole;
    private final List<DirectoryReader> shards = new ArrayList<>();

    @BeforeEach
    void indexABlogInTwoShards() throws IOException {
        List<Document> posts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 5; i++) {
            posts.add(PlanTestBlog.post(n++, "Kubernetes 集群升级", "upgrading kubernetes with kubeadm and kubectl"));
        }
        // Words of one shard only, or used more on one than the other.
        posts.add(PlanTestBlog.post(n++, "KubeVirt", "virtual machines on kubevirt, kubevirt again"));
        posts.add(PlanTestBlog.post(n++, "KubeVirt notes", "kubevirt and kubectl"));
        posts.add(PlanTestBlog.post(n++, "kube notes", "the kube prefix of kube-proxy and kubeconfig"));
        posts.add(PlanTestBlog.post(n++, "kubeconfig", "kubeconfig contexts"));
        posts.add(PlanTestBlog.post(n++, "Kubeflow", "kubeflow pipelines"));
        posts.add(PlanTestBlog.post(n++, "服务熔断", "微服务的熔断（circuit breaker）机制"));
        posts.add(PlanTestBlog.post(n++, "Istio", "a Service Mesh（服务网格）with sidecars"));
        posts.add(PlanTestBlog.post(n++, "certificates", "rotating certificates"));
        posts.add(PlanTestBlog.post(n++, "TLS", "one certificate per host"));
        posts.add(PlanTestBlog.post(n++, "Git", "git reflog shows lost commits; see the git reference"));
        posts.add(PlanTestBlog.post(n++, "Refactoring", "refactor refer references reflect refresh"));
        posts.add(PlanTestBlog.post(n++, "Refactoring again", "references reflect"));
        posts.add(PlanTestBlog.post(n++, "Java tips", "java and javascript are different languages"));
        posts.add(PlanTestBlog.post(n++, "JavaScript", "javascript in the browser"));
        posts.add(PlanTestBlog.post(n++, "Prometheus", "prometheus metrics and promql queries"));
        posts.add(PlanTestBlog.post(n++, "Promtail", "promtail ships logs"));
        posts.add(PlanTestBlog.post(n++, "Promtail again", "promtail and loki"));
        posts.add(PlanTestBlog.post(n++, "Fluent Bit", "log collection on every node"));
        posts.add(PlanTestBlog.post(n++, "Vector", "log collection and a journal"));
        posts.add(PlanTestBlog.post(n++, "Metrics", "we collect metrics; the collection is cheap"));
        whole = PlanTestBlog.index(posts);
        // Posts dealt out as a collection routes them: by no rule of their words.
        List<Document> first = new ArrayList<>();
        List<Document> second = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            (i % 3 == 0 ? first : second).add(posts.get(i));
        }
        shards.add(PlanTestBlog.index(first));
        shards.add(PlanTestBlog.index(second));
    }

    private static final List<String> TYPED = List.of(
            "kub", "kube", "kubev", "kubectl co", "prom", "promt", "git ref", "javas", "ref", "kubr", "certi", "熔");

    private static final List<String> SUBMITTED = List.of(
            "kuberntes",
            "熔断",
            "circuit breaker",
            "服务网格",
            "service mesh",
            "certificate",
            "certificates",
            "kubernet upgrade",
            "promtial",
            "referenes",
            "日志收集");

    @Test
    void theShardsTogetherPlanAsTheWholeBlog() throws IOException {
        for (String query : TYPED) {
            assertThat(gathered(query, PlanOptions.TYPING))
                    .as("typing %s", query)
                    .isEqualTo(planner.plan(UserQuery.parse(query), whole, PlanOptions.TYPING));
        }
        for (String query : SUBMITTED) {
            assertThat(gathered(query, PlanOptions.SUBMITTED))
                    .as(query)
                    .isEqualTo(planner.plan(UserQuery.parse(query), whole, PlanOptions.SUBMITTED));
        }
    }

    @Test
    void aShardAlonePlansOtherwise() throws IOException {
        int differ = 0;
        for (String query : TYPED) {
            QueryPlan all = planner.plan(UserQuery.parse(query), whole, PlanOptions.TYPING);
            for (DirectoryReader shard : shards) {
                if (!planner.plan(UserQuery.parse(query), shard, PlanOptions.TYPING)
                        .equals(all)) {
                    differ++;
                }
            }
        }
        for (String query : SUBMITTED) {
            QueryPlan all = planner.plan(UserQuery.parse(query), whole, PlanOptions.SUBMITTED);
            for (DirectoryReader shard : shards) {
                if (!planner.plan(UserQuery.parse(query), shard, PlanOptions.SUBMITTED)
                        .equals(all)) {
                    differ++;
                }
            }
        }
        // What the test above would not see if the shards' words were the whole blog's anyway.
        assertThat(differ).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aPlanTravelsAsTextUnchanged() throws IOException {
        for (String query : TYPED) {
            QueryPlan plan = planner.plan(UserQuery.parse(query + " -java tag:k8s"), whole, PlanOptions.TYPING);
            assertThat(QueryPlanCodec.decode(QueryPlanCodec.encode(plan))).isEqualTo(plan);
        }
        QueryPlan odd = new QueryPlan(
                List.of(new QueryPlan.Unit(
                        "a\tb\\n\n", List.of(new QueryPlan.Form("", 0.1f + 0.2f, QueryPlan.Kind.GLOSS)))),
                List.of(),
                List.of("", "x"),
                List.of(),
                List.of(new QueryPlan.Rewrite("t", "s\\", QueryPlan.Kind.CORRECTION)),
                List.of(new QueryPlan.Unit(
                        "流量镜像",
                        List.of(
                                new QueryPlan.Form("流量镜像", 1f, QueryPlan.Kind.TYPED),
                                new QueryPlan.Form("traffic mirroring", 0.8f, QueryPlan.Kind.GLOSS)))));
        assertThat(QueryPlanCodec.decode(QueryPlanCodec.encode(odd))).isEqualTo(odd);
    }

    /** The plan made in rounds of questions to both shards, as a collection's aggregating node makes it. */
    private QueryPlan gathered(String query, PlanOptions options) throws IOException {
        GatheredLexicon lexicon = new GatheredLexicon(shards.size());
        for (int round = 1; ; round++) {
            lexicon.newRound();
            QueryPlan plan = planner.plan(UserQuery.parse(query), lexicon, options);
            if (lexicon.missing().isEmpty()) {
                return plan;
            }
            assertThat(round).as("rounds for %s", query).isLessThanOrEqualTo(6);
            for (Lookup lookup : lexicon.missing()) {
                Lookup sent = Lookup.decode(lookup.encode());
                List<String> answers = new ArrayList<>();
                for (DirectoryReader shard : shards) {
                    answers.add(sent.answer(new ReaderLexicon(shard, () -> planner.glosses(shard))));
                }
                lexicon.add(lookup, answers);
            }
        }
    }

    @AfterEach
    void close() throws IOException {
        whole.close();
        for (DirectoryReader shard : shards) {
            shard.close();
        }
    }
}
