package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
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

    @Test
    void foldingAStringGivesWhatTheAnalyzersReadForEveryCharacter() throws IOException {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = String.valueOf((char) c);
            assertThat(TextFolding.fold(text)).as("U+%04X", c).isEqualTo(readThroughWrap(text));
        }
    }

    @Test
    void foldingAStringGivesWhatTheAnalyzersReadForMixedText() throws IOException {
        // Half-width kana and their sound marks join across characters; Traditional, full-width, emoji
        // (surrogate pairs) and plain text around them.
        String alphabet = "aZ9 -_.虛擬內存后發ｋ８ｓＡ\u3000ｶﾞﾊﾟｰﾞﾟカ，：（）～\uD83D\uDE00\u00A0測試";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(TextFolding.fold(text.toString())).as("%s", text).isEqualTo(readThroughWrap(text.toString()));
        }
    }

    private static String readThroughWrap(String text) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader reader = TextFolding.wrap(new StringReader(text))) {
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
