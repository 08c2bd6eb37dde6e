package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DictionarySeedsTest {

    private final DictionarySeeds seeds = new DictionarySeeds(new BlogAnalyzer(UserDictionary.of(Set.of())));

    @Test
    void chineseTagsTheAnalyzerCutsUpAreProposed() {
        assertThat(seeds.propose(List.of("高可用", "数据库", "Kubernetes", " 云原生 "), List.of()))
                .containsOnlyKeys("高可用", "云原生");
    }

    @Test
    void aPhraseRecurringInTitlesThatSmartcnCutsIntoCharactersIsProposed() {
        List<String> titles = List.of("服务网格入门", "服务网格的流量管理", "在生产环境落地服务网格", "Go 语言笔记");
        assertThat(seeds.propose(List.of(), titles))
                .containsEntry("服务网格", "in 3 titles")
                .doesNotContainKey("服务网")
                .doesNotContainKey("网格");
    }

    @Test
    void wordsTheAnalyzerAlreadyKnowsAreNotProposed() {
        DictionarySeeds withGlossary = new DictionarySeeds(new BlogAnalyzer(UserDictionary.glossary()));
        assertThat(withGlossary.propose(List.of("高可用", "集群"), List.of())).isEmpty();
    }

    @Test
    void piecesOfATitlePhraseTheAnalyzerKeepsWholeAreNotProposed() {
        DictionarySeeds withGlossary = new DictionarySeeds(new BlogAnalyzer(UserDictionary.glossary()));
        List<String> titles = List.of("服务网格入门", "服务网格的流量管理", "在生产环境落地服务网格");
        assertThat(withGlossary.propose(List.of(), titles)).isEmpty();
    }
}
