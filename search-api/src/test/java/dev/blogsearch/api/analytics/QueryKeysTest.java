package dev.blogsearch.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryKeysTest {

    @Test
    void caseWidthAndSpacesDoNotMakeADifferentQuery() {
        assertThat(QueryKeys.normalize("  Redis   集群 ")).isEqualTo("redis 集群");
        assertThat(QueryKeys.normalize("ＲＥＤＩＳ\u3000集群")).isEqualTo("redis 集群");
        assertThat(QueryKeys.normalize("K8s\t\nupgrade")).isEqualTo("k8s upgrade");
        assertThat(QueryKeys.normalize("虛擬內存 與 負載均衡")).isEqualTo("虚拟内存 与 负载均衡");
    }

    @Test
    void overlongQueriesAreCutOnACharacterBoundary() {
        String key = QueryKeys.normalize("集".repeat(500) + "x");
        assertThat(key.codePointCount(0, key.length())).isEqualTo(QueryKeys.MAX_LENGTH);
    }
}
