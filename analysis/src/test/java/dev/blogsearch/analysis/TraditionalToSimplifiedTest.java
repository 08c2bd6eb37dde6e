package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.internal.TraditionalToSimplifiedTable;
import dev.blogsearch.analysis.internal.TraditionalToSimplifiedTableBuilder;
import org.junit.jupiter.api.Test;

class TraditionalToSimplifiedTest {

    @Test
    void traditionalTextReadsAsSimplified() {
        assertThat(TextFolding.fold("虛擬內存與負載均衡")).isEqualTo("虚拟内存与负载均衡");
    }

    @Test
    void simplifiedTextEnglishAndSymbolsAreLeftAlone() {
        assertThat(TextFolding.fold("虚拟内存 Redis-7 c++!")).isEqualTo("虚拟内存 Redis-7 c++!");
    }

    @Test
    void theTableComesFromIcuAndCoversThousandsOfCharacters() {
        assertThat(TraditionalToSimplified.size()).isGreaterThan(2_000);
    }

    @Test
    void theTableTheBuildShipsIsIcusTableToday() {
        assertThat(TraditionalToSimplifiedTable.class.getResource(TraditionalToSimplifiedTable.RESOURCE))
                .as("the build writes %s beside the classes", TraditionalToSimplifiedTable.RESOURCE)
                .isNotNull();
        assertThat(TraditionalToSimplifiedTable.load())
                .isEqualTo(TraditionalToSimplifiedTableBuilder.fromIcu())
                .containsEntry('虛', '虚')
                .containsEntry('載', '载');
    }

    @Test
    void wordsAreSegmentedAfterFoldingWithOffsetsOfTheOriginalText() {
        assertThat(Tokens.of(new BlogAnalyzer(), "虛擬內存和負載均衡")).isEqualTo(Tokens.of(new BlogAnalyzer(), "虚拟内存和负载均衡"));
        assertThat(Tokens.of(new HanBigramAnalyzer(), "負載")).isEqualTo("负@0[0,1] 负载@0[0,2] 载@1[1,2]");
    }
}
