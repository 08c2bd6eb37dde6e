package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SynonymsTest {

    @Test
    void withoutDropsEveryGroupWithATermItIsAskedToDrop() {
        Synonyms all = Synonyms.builtIn();
        assertThat(all.of("流量镜像")).contains("traffic mirroring");

        Synonyms held = all.without(term -> term.equals("traffic mirroring"));

        assertThat(held.of("流量镜像"))
                .as("the whole group goes, not only the term")
                .isEmpty();
        assertThat(held.of("port mirroring")).isEmpty();
        assertThat(held.contains("流量镜像")).isFalse();
        assertThat(held.of("k8s")).as("other groups stay").containsExactly("kubernetes");
        assertThat(held.groups()).hasSize(all.groups().size() - 1);
    }
}
