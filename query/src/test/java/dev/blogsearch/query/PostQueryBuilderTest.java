package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostQueryBuilderTest {

    private static final QueryPlanner PLANNER = new QueryPlanner(Synonyms.builtIn(), PlanTestBlog.ANALYZER);
    private static final PostQueryBuilder BUILDER = new PostQueryBuilder(PlanTestBlog.ANALYZER);
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        reader = PlanTestBlog.index(List.of(
                PlanTestBlog.post(1, "Redis 集群搭建", "流量镜像把请求复制一份；redis-cli 查看集群状态。"),
                PlanTestBlog.post(2, "Docker 镜像瘦身", "多阶段构建让镜像更小，流量不变。")));
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
    }

    /** The search asks for both queries at once; each must be the query asked for alone, clause for clause. */
    @ParameterizedTest
    @ValueSource(strings = {"redis", "redis 集群", "流量镜像", "redis 集群 -docker", "tag:redis 集群 镜像", "redis-cli kub"})
    void bothQueriesAtOnceAreTheQueriesAskedForOneAtATime(String query) throws IOException {
        QueryPlan plan = PLANNER.plan(UserQuery.parse(query), reader);
        PostQueryBuilder.Matching matching = BUILDER.matching(plan, PostFilters.NONE);
        assertThat(matching.all()).isEqualTo(BUILDER.build(plan, PostFilters.NONE, true));
        assertThat(matching.any())
                .isEqualTo(BUILDER.build(plan, PostFilters.NONE, plan.units().size() == 1));
    }

    /**
     * A form found twice (a plural both as the word's variant and as a completion) is scored once, at its higher
     * weight: a post scores as before, with one clause less to score it by.
     */
    @Test
    void aFormFoundTwiceIsScoredOnceAtItsHigherWeight() {
        QueryPlan.Unit unit = new QueryPlan.Unit(
                "serve",
                List.of(
                        new QueryPlan.Form("serve", 1f, QueryPlan.Kind.TYPED),
                        new QueryPlan.Form("serves", 0.8f, QueryPlan.Kind.VARIANT),
                        new QueryPlan.Form("serves", 0.9f, QueryPlan.Kind.COMPLETION)));
        QueryPlan twice = new QueryPlan(List.of(unit), List.of(), List.of(), List.of(), List.of());
        QueryPlan once = new QueryPlan(
                List.of(new QueryPlan.Unit(
                        "serve",
                        List.of(
                                new QueryPlan.Form("serve", 1f, QueryPlan.Kind.TYPED),
                                new QueryPlan.Form("serves", 0.9f, QueryPlan.Kind.COMPLETION)))),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        assertThat(BUILDER.build(twice, PostFilters.NONE, true)).isEqualTo(BUILDER.build(once, PostFilters.NONE, true));
    }
}
