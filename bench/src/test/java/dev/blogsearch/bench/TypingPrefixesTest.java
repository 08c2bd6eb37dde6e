package dev.blogsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypingPrefixesTest {

    @Test
    void latinWordsAreSentFromTheirThirdLetterChineseFromTheFirstCharacter() {
        assertThat(TypingPrefixes.of("redis 集群"))
                .containsExactly("red", "redi", "redis", "redis ", "redis 集", "redis 集群");
    }

    @Test
    void aShortLatinWordIsSentOnceFinishedAndTheWholeQueryAlways() {
        assertThat(TypingPrefixes.of("怎么 Go 程序")).containsExactly("怎", "怎么", "怎么 ", "怎么 Go ", "怎么 Go 程", "怎么 Go 程序");
        assertThat(TypingPrefixes.of("C#")).containsExactly("C#");
        assertThat(TypingPrefixes.of("go")).containsExactly("go");
    }

    @Test
    void aWordMixingLettersAndChineseIsSentAtEachChineseCharacter() {
        assertThat(TypingPrefixes.of("k8s集群")).containsExactly("k8s", "k8s集", "k8s集群");
    }

    @Test
    void moreSpacesSendNothingNewAndCharactersOutsideTheBmpAreNeverSplit() {
        assertThat(TypingPrefixes.of("  bpf   map  ")).containsExactly("bpf", "bpf ", "bpf   map");
        // U+20BB7 (𠮷) is one character of two UTF-16 units: no prefix ends between them.
        assertThat(TypingPrefixes.of("𠮷野家")).containsExactly("𠮷", "𠮷野", "𠮷野家");
    }
}
