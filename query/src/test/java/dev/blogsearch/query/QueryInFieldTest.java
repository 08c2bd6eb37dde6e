package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.schema.FieldWeights;
import dev.blogsearch.schema.PostFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryInFieldTest {

    private static final QueryBuilder BUILDER = new QueryBuilder(PlanTestBlog.ANALYZER);

    /**
     * A query word analysed for the title and moved to another word field is the query analysing it for that field
     * gives: the search builds its queries that way.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "redis",
                "集群",
                "流量镜像",
                "redis 集群",
                "redis-cli",
                "pg_hba.conf",
                "HashMap",
                "c++",
                "k8s",
                "--cluster-slave",
                "Python3 虛擬環境",
                "ｋ８ｓ 部署",
                "node.js 的 event loop",
                "a",
                "的",
                "x86_64",
                "what's new"
            })
    void aWordQueryMovedToAnotherFieldIsTheQueryAnalysedForIt(String text) {
        Query inTitle = BUILDER.createPhraseQuery(PostFields.TITLE, text, 0);
        for (FieldWeights field : FieldWeights.ALL) {
            Query analysed = BUILDER.createPhraseQuery(field.field(), text, 0);
            Query moved = QueryInField.move(inTitle, field.field());
            assertThat(moved).as(field.field()).isNotNull().isEqualTo(analysed);
        }
    }
}
