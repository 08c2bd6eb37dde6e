package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.query.UserQuery.Term;
import org.junit.jupiter.api.Test;

class UserQueryTest {

    @Test
    void plainWordsAreTermsEachAChunk() {
        assertThat(UserQuery.parse("redis  集群").terms())
                .containsExactly(new Term("redis", false), new Term("集群", false));
    }

    @Test
    void quotedTextIsAPhraseAndAMinusExcludes() {
        UserQuery query = UserQuery.parse("\"virtual memory\" -swap -\"page cache\"");
        assertThat(query.terms()).containsExactly(new Term("virtual memory", true));
        assertThat(query.excluded()).containsExactly(new Term("swap", false), new Term("page cache", true));
    }

    @Test
    void commandLineOptionsAreWordsNotExclusions() {
        UserQuery query = UserQuery.parse("--cluster-slave");
        assertThat(query.terms()).containsExactly(new Term("--cluster-slave", false));
        assertThat(query.excluded()).isEmpty();
    }

    @Test
    void tagPrefixFilters() {
        UserQuery query = UserQuery.parse("升级 tag:Kubernetes");
        assertThat(query.tags()).containsExactly("Kubernetes");
        assertThat(query.terms()).containsExactly(new Term("升级", false));
    }

    @Test
    void unbalancedQuotesAndLoneOperatorsAreText() {
        assertThat(UserQuery.parse("\"redis cluster").terms())
                .containsExactly(new Term("redis", false), new Term("cluster", false));
        assertThat(UserQuery.parse("- redis").terms()).containsExactly(new Term("-", false), new Term("redis", false));
        assertThat(UserQuery.parse("title:redis AND (etcd* OR k8s~)").terms())
                .extracting(Term::text)
                .containsExactly("title:redis", "AND", "(etcd*", "OR", "k8s~)");
    }

    @Test
    void emptyAndBlankQueriesHaveNothing() {
        assertThat(UserQuery.parse("  ").isEmpty()).isTrue();
        assertThat(UserQuery.parse(null).isEmpty()).isTrue();
        assertThat(UserQuery.parse("\"\"").isEmpty()).isTrue();
    }
}
