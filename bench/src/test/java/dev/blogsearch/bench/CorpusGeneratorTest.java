package dev.blogsearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.index.IndexSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    /** A source blog of two posts written here, so the test needs no shared corpus. */
    private static Path sourceBlog(Path dir) throws Exception {
        Path posts = Files.createDirectories(dir.resolve("blog-a").resolve("post"));
        Files.writeString(posts.resolve("one.md"), """
                ---
                title: 容器网络入门
                tags: [docker, 网络]
                ---
                容器之间的网络通过 veth pair 连接，每个容器有自己的网络命名空间。

                ## 路由

                ```sh
                ip route show
                ```

                Kubernetes uses CNI plugins to wire pods together.
                """, StandardCharsets.UTF_8);
        Files.writeString(posts.resolve("two.md"), """
                ---
                title: "Redis cluster resharding"
                tags: [redis]
                ---
                Resharding moves hash slots between nodes while the cluster keeps serving.

                集群在迁移槽位时仍然可以读写。
                """, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void sameSeedWritesTheSameBlogOfReadablePosts(@TempDir Path temp) throws Exception {
        List<CorpusGenerator.SourceBlog> blogs = CorpusGenerator.readCorpus(sourceBlog(temp.resolve("corpus")));
        assertThat(blogs).singleElement().satisfies(blog -> {
            assertThat(blog.titles()).containsExactly("容器网络入门", "Redis cluster resharding");
            assertThat(blog.headings()).containsExactly("路由");
            assertThat(blog.codeBlocks()).singleElement().asString().contains("ip route show");
        });

        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        new CorpusGenerator(blogs, 7).write(25, first);
        new CorpusGenerator(blogs, 7).write(25, second);

        HugoPostReader reader = IndexSettings.defaults().newReader();
        List<Path> files = reader.listPosts(first);
        assertThat(files).hasSize(25);
        List<Post> posts = new ArrayList<>();
        for (Path file : files) {
            posts.add(reader.read(first, file));
            Path twin = second.resolve(first.relativize(file));
            assertThat(Files.readAllBytes(twin)).isEqualTo(Files.readAllBytes(file));
        }
        assertThat(posts).allSatisfy(post -> {
            assertThat(post.title()).startsWith(post.title().startsWith("R") ? "Redis" : "容器");
            assertThat(post.text().body()).isNotBlank();
        });
        assertThat(posts).extracting(Post::id).doesNotHaveDuplicates();
    }
}
