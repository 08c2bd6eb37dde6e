package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class HanBigramAnalyzerTest {

    private final Analyzer analyzer = new HanBigramAnalyzer();

    @Test
    void chineseRunsBecomeOverlappingBigramsBesideTheirCharacters() {
        assertThat(Tokens.of(analyzer, "虚拟内存"))
                .isEqualTo("虚@0[0,1] 虚拟@0[0,2] 拟@1[1,2] 拟内@1[1,3] 内@2[2,3] 内存@2[2,4] 存@3[3,4]");
    }

    @Test
    void bigramsNeverSpanPunctuationSpacesOrEnglish() {
        assertThat(Tokens.terms(analyzer, "内存，集群 redis集群"))
                .containsExactly("内", "内存", "存", "集", "集群", "群", "集", "集群", "群");
    }

    @Test
    void aLoneCharacterIsKeptAsItself() {
        assertThat(Tokens.terms(analyzer, "锁 and 栈")).containsExactly("锁", "栈");
    }

    @Test
    void englishAndCodeAreLeftToTheWordsField() {
        assertThat(Tokens.terms(analyzer, "pg_hba.conf redis-cli")).isEmpty();
    }
}
