package dev.blogsearch.api.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.analysis.UserDictionary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldOutVocabularyTest {

    private static HeldOutVocabulary of(String... queries) {
        return HeldOutVocabulary.of(List.of(queries).stream()
                .map(text -> new Judgments.Query("q", "blog", "kind", text, Map.of()))
                .toList());
    }

    @Test
    void aTermOccursInAQueryAsAWholeWordOrAsChineseAnywhere() {
        HeldOutVocabulary held = of("ES", "如何用bpftrace打印内核调用栈", "Rate Limiting");
        assertThat(held.occursInAQuery("es")).isTrue();
        assertThat(held.occursInAQuery("内核")).isTrue();
        assertThat(held.occursInAQuery("rate limiting")).isTrue();
        assertThat(held.occursInAQuery("bpf")).as("inside a word").isFalse();
        assertThat(held.occursInAQuery("消息队列")).isFalse();
    }

    @Test
    void theSynonymGroupsAndDictionaryWordsOfTheQueriesAreLeftOut() {
        HeldOutVocabulary held = of("流量镜像", "k8s 集群搭建");
        Synonyms synonyms = held.synonyms(Synonyms.builtIn());
        assertThat(synonyms.of("traffic mirroring")).isEmpty();
        assertThat(synonyms.of("kubernetes")).isEmpty();
        assertThat(synonyms.of("mq")).isNotEmpty();
        UserDictionary dictionary = held.dictionary(UserDictionary.glossary());
        assertThat(dictionary.contains("集群")).isFalse();
        assertThat(dictionary.contains("高可用")).isTrue();
    }
}
