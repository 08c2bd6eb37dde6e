package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void foldingIsWhatTheAnalyzersSeeFullWidthToHalfWidthAndTraditionalToSimplified() {
        assertThat(TextFolding.fold("ｋ８ｓ 虛擬內存")).isEqualTo("k8s 虚拟内存");
        // The analyzers read through the same fold: the folded and the unfolded text give the same terms.
        BlogAnalyzer analyzer = new BlogAnalyzer();
        assertThat(AnalyzedTerms.of(analyzer, "body", "ＲＥＤＩＳ 虛擬內存"))
                .isEqualTo(AnalyzedTerms.of(analyzer, "body", "redis 虚拟内存"));
    }

    @Test
    void keysIgnoreCaseWidthScriptAndSpacing() {
        List<String> spellings = List.of("AWS 雲端", " aws  云端 ", "ＡＷＳ\u3000雲端", "aws\u00a0云端", "aws\t\n云端");
        assertThat(spellings).extracting(TextFolding::key).containsOnly("aws 云端");
    }

    @Test
    void controlCharactersSeparateLikeSpaces() {
        assertThat(TextFolding.key("redis\u0000集群\u0007")).isEqualTo("redis 集群");
    }

    @Test
    void compactKeysIgnoreSpacesAltogether() {
        assertThat(TextFolding.compactKey("K8s 升"))
                .isEqualTo(TextFolding.compactKey("ｋ８ｓ升"))
                .isEqualTo("k8s升");
    }

    @Test
    void nothingBecomesAnEmptyKey() {
        assertThat(TextFolding.key(null)).isEmpty();
        assertThat(TextFolding.key(" \u3000 ")).isEmpty();
    }
}
