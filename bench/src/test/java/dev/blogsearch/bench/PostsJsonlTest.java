package dev.blogsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostsJsonlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quotesNewlinesControlCharactersAndUnicodeSurviveOnOneLine() throws Exception {
        String title = "He said \"集群\" \\ C:\\path\ttab";
        String body = "第一行\n\"second\" line\r\nthird\u0001 \u2028 sep \u2029 end 𠮷 😀\n";
        StringWriter out = new StringWriter();
        PostsJsonl.writeLine(
                new PostsJsonl.PeerPost(
                        "posts/a", title, body, "2024-05-01T00:00:00+08:00", false, List.of("k8s", "容器"), List.of()),
                out);
        PostsJsonl.writeLine(new PostsJsonl.PeerPost("posts/b", "second", "", "", true, List.of(), List.of("笔记")), out);

        String text = out.toString();
        assertThat(text).endsWith("\n");
        // Exactly one object a line, whatever line breaks any reader knows: \n, \r, U+2028, U+2029.
        assertThat(text.substring(0, text.length() - 1).split("\n", -1)).hasSize(2);
        assertThat(text).doesNotContain("\r", "\u2028", "\u2029");
        assertThat(text).contains("集群", "𠮷", "😀"); // written as UTF-8 text, not escaped

        List<String> lines = text.lines().toList();
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("posts/a");
        assertThat(first.get("title").asText()).isEqualTo(title);
        assertThat(first.get("body").asText()).isEqualTo(body);
        assertThat(first.get("date").asText()).isEqualTo("2024-05-01T00:00:00+08:00");
        assertThat(first.get("draft").asBoolean()).isFalse();
        assertThat(first.get("tags")).extracting(JsonNode::asText).containsExactly("k8s", "容器");
        assertThat(first.get("categories")).isEmpty();
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("draft").asBoolean()).isTrue();
        assertThat(second.get("categories")).extracting(JsonNode::asText).containsExactly("笔记");
    }

    @Test
    void writesThePostsTheServiceIndexesWithTheirMarkdownWithoutFrontMatter(@TempDir Path temp) throws Exception {
        Path content = Files.createDirectories(temp.resolve("content").resolve("posts"));
        Files.writeString(content.resolve("one.md"), """
                ---
                title: "Redis \\"cluster\\" 集群"
                date: 2024-05-01T10:00:00+08:00
                tags: [redis, 数据库]
                categories: 笔记
                ---
                集群在迁移槽位时仍然可以读写。

                ```sh
                redis-cli --cluster reshard
                ```
                """, StandardCharsets.UTF_8);
        Files.writeString(content.resolve("draft.md"), """
                ---
                title: 草稿
                draft: true
                ---
                未完成。
                """, StandardCharsets.UTF_8);
        Path out = temp.resolve("DOCS.jsonl");

        PostsJsonl.main(new String[] {temp.resolve("content").toString(), out.toString()});

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode post = JSON.readTree(lines.get(0));
        assertThat(post.get("id").asText()).isEqualTo("posts/one");
        assertThat(post.get("title").asText()).isEqualTo("Redis \"cluster\" 集群");
        assertThat(post.get("body").asText()).isEqualTo("集群在迁移槽位时仍然可以读写。\n\n```sh\nredis-cli --cluster reshard\n```\n");
        assertThat(post.get("date").asText()).isEqualTo("2024-05-01T10:00:00+08:00");
        assertThat(post.get("tags")).extracting(JsonNode::asText).containsExactly("redis", "数据库");
        assertThat(post.get("categories")).extracting(JsonNode::asText).containsExactly("笔记");
    }
}
