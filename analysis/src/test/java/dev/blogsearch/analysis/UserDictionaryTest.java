package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDictionaryTest {

    @TempDir
    Path temp;

    @Test
    void techWordsSmartcnCutsUpStayWhole() {
        BlogAnalyzer analyzer = new BlogAnalyzer(UserDictionary.glossary());
        assertThat(Tokens.terms(analyzer, "微服务的高可用集群")).containsExactly("微服务", "的", "高可用", "集群");
        assertThat(Tokens.terms(analyzer, "云原生与死锁")).containsExactly("云原生", "与", "死锁");
    }

    @Test
    void withoutTheDictionarySmartcnCutsThemUp() {
        assertThat(Tokens.terms(new BlogAnalyzer(UserDictionary.of(Set.of())), "高可用集群"))
                .containsExactly("高", "可用", "集", "群");
        assertThat(UserDictionary.glossary().size()).isGreaterThan(100);
    }

    @Test
    void joinedWordsKeepTheirOffsetsForHighlighting() {
        assertThat(Tokens.of(new BlogAnalyzer(UserDictionary.glossary()), "搭建集群"))
                .isEqualTo("搭@0[0,1] 建@1[1,2] 集群@2[2,4]");
    }

    @Test
    void aWordSmartcnFoundAcrossTheBoundaryIsNotBroken() {
        // 采集 is a smartcn word; 集群 must not steal its 集.
        assertThat(Tokens.terms(new BlogAnalyzer(UserDictionary.glossary()), "采集群组"))
                .startsWith("采集");
    }

    @Test
    void theOwnersFileAddsWordsAndChangesTheFingerprint() throws IOException {
        Path file = temp.resolve("words.txt");
        Files.writeString(file, "# my words\n服务网格化\n可观测平台\n", StandardCharsets.UTF_8);
        UserDictionary owners = UserDictionary.load(List.of(file));
        assertThat(owners.contains("可观测平台")).isTrue();
        assertThat(owners.fingerprint()).isNotEqualTo(UserDictionary.glossary().fingerprint());
        assertThat(Tokens.terms(new BlogAnalyzer(owners), "可观测平台")).containsExactly("可观测平台");
    }

    @Test
    void aNoteBesideAWordIsNotPartOfIt() throws IOException {
        Path file = temp.resolve("words.txt");
        Files.writeString(file, "服务网格  # in 3 titles\n可观测性 #tag\nC#语言\n", StandardCharsets.UTF_8);
        UserDictionary owners = UserDictionary.load(List.of(file));
        assertThat(owners.contains("服务网格")).isTrue();
        assertThat(owners.contains("可观测性")).isTrue();
        assertThat(owners.contains("C#语言")).isTrue();
    }

    @Test
    void withoutDropsTheWordsItIsAskedToDrop() {
        UserDictionary held = UserDictionary.glossary().without(word -> word.equals("集群"));
        assertThat(held.contains("集群")).isFalse();
        assertThat(held.contains("高可用")).isTrue();
        assertThat(held.size()).isEqualTo(UserDictionary.glossary().size() - 1);
        assertThat(Tokens.terms(new BlogAnalyzer(held), "高可用集群")).containsExactly("高可用", "集", "群");
    }
}
