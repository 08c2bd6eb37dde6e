package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.internal.ScriptRunTokenizer;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class BlogAnalyzerTest {

    private final Analyzer analyzer = new BlogAnalyzer();

    @Test
    void commandLineToolsAndOptionsStayWholeBesideTheirParts() {
        assertThat(Tokens.of(analyzer, "用 redis-cli --cluster-slave 加入集群"))
                .isEqualTo(
                        "用@0[0,1] redis-cli@1[2,11] redis@1[2,7] cli@2[8,11] --cluster-slave@3[14,27] cluster@3[14,21]"
                                + " slave@4[22,27] 加入@5[28,30] 集群@6[30,32]");
    }

    @Test
    void fileNamesAndVersionedNamesAreNotSplitIntoLetters() {
        assertThat(Tokens.terms(analyzer, "编辑 pg_hba.conf 和 node.js、k8s、c++、python3"))
                .containsExactly(
                        "编辑",
                        "pg_hba.conf",
                        "pg",
                        "hba",
                        "conf",
                        "和",
                        "node.js",
                        "node",
                        "js",
                        "k8s",
                        "c++",
                        "c",
                        "python3");
    }

    @Test
    void englishIsLowerCasedAndNeverStemmed() {
        assertThat(Tokens.terms(analyzer, "Redis SETTINGS replication"))
                .containsExactly("redis", "settings", "replication");
    }

    @Test
    void fullWidthFormsAreTheirAsciiForms() {
        assertThat(Tokens.terms(analyzer, "ＲＥＤＩＳ　ｋ８ｓ")).containsExactly("redis", "k8s");
    }

    @Test
    void chineseIsSegmentedIntoWordsBySmartcn() {
        assertThat(Tokens.terms(analyzer, "进程的调度算法")).containsExactly("进程", "的", "调度", "算法");
    }

    @Test
    void camelCaseGivesItsWordsToo() {
        assertThat(Tokens.terms(analyzer, "ConcurrentHashMap"))
                .containsExactly("concurrenthashmap", "concurrent", "hash", "map");
    }

    @Test
    void punctuationSentenceEndsAndSymbolsAreNotTokens() {
        assertThat(Tokens.terms(analyzer, "I use etcd. 中国！!!! @#$ -- ...")).containsExactly("i", "use", "etcd", "中国");
    }

    @Test
    void overlongTokensAreCutSoLuceneAcceptsThem() {
        String blob = "a".repeat(10_000);
        assertThat(Tokens.terms(analyzer, blob))
                .allSatisfy(term -> assertThat(term.length()).isLessThanOrEqualTo(ScriptRunTokenizer.MAX_WORD_LENGTH));
    }
}
