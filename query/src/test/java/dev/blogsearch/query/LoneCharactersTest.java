package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** smartcn's single characters made back into the words a query or a gloss means. */
class LoneCharactersTest {

    @Test
    void charactersAloneNextToEachOtherAreWordsOfTwo() {
        assertThat(LoneCharacters.join(List.of("未知", "单", "播", "泛", "洪"), "未知单播泛洪"))
                .containsExactly("未知", "单播", "泛洪");
        assertThat(LoneCharacters.join(List.of("属于", "单", "播"), "属于单播")).containsExactly("属于", "单播");
        assertThat(LoneCharacters.join(List.of("集", "群", "搭建"), "集群搭建")).containsExactly("集群", "搭建");
    }

    @Test
    void threeLeftOverMakeOneWord() {
        assertThat(LoneCharacters.join(List.of("普", "罗", "米"), "普罗米")).containsExactly("普罗米");
        assertThat(LoneCharacters.join(List.of("单", "播", "泛", "洪", "了"), "单播泛洪了"))
                .containsExactly("单播", "泛洪了");
    }

    @Test
    void aCharacterAloneBetweenWordsIsAnAffix() {
        assertThat(LoneCharacters.join(List.of("贡献", "者"), "贡献者")).containsExactly("贡献者");
        assertThat(LoneCharacters.join(List.of("持久", "化", "存储"), "持久化存储")).containsExactly("持久化", "存储");
        assertThat(LoneCharacters.join(List.of("全", "连接", "队列"), "全连接队列")).containsExactly("全连接", "队列");
    }

    @Test
    void charactersApartInTheTextStayApart() {
        // 的 was dropped between them: 群 and 集 are not one word.
        assertThat(LoneCharacters.join(List.of("群", "集"), "群的集")).containsExactly("群", "集");
    }
}
