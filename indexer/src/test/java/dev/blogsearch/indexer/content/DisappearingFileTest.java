package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A post deleted between listing and reading (an editor's save, a sync) is one clear failure, not a crash. */
class DisappearingFileTest {

    @TempDir
    Path content;

    @Test
    void aFileGoneAfterListingIsAReadError() throws IOException {
        Path post = content.resolve("posts/gone.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: soon gone\n---\ntext\n", StandardCharsets.UTF_8);
        HugoPostReader reader = new HugoPostReader(ReaderOptions.defaults());
        List<Path> listed = reader.listPosts(content);
        assertThat(listed).hasSize(1);

        Files.delete(post);

        assertThatThrownBy(() -> reader.read(content, listed.get(0)))
                .isInstanceOf(PostReadException.class)
                .hasMessage("the file does not exist");
    }

    @Test
    void aLinkedPostIsReportedNotReadAndALinkedFolderNotEntered() throws IOException {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.md"), "secret", StandardCharsets.UTF_8);
        Files.createDirectories(content.resolve("posts"));
        try {
            Files.createSymbolicLink(content.resolve("posts/link.md"), outside.resolve("secret.md"));
            Files.createSymbolicLink(content.resolve("posts/dir"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symlinks here
        }
        HugoPostReader reader = new HugoPostReader(ReaderOptions.defaults());
        List<Path> listed = reader.listPosts(content);
        assertThat(listed).containsExactly(content.toAbsolutePath().normalize().resolve("posts/link.md"));
        assertThatThrownBy(() -> reader.read(content, listed.get(0)))
                .isInstanceOf(PostReadException.class)
                .hasMessageContaining("symbolic link, not followed");
    }

    @Test
    void withFollowSymlinksLinkedPostsAndFoldersAreReadOnceEvenThroughALoop() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(
                outside.resolve("shared.md"), "---\ntitle: Shared\n---\nfrom outside\n", StandardCharsets.UTF_8);
        Files.createDirectories(content.resolve("posts"));
        Files.writeString(outside.resolve("kept.md"), "---\ntitle: Kept\n---\nkept\n", StandardCharsets.UTF_8);
        try {
            Files.createSymbolicLink(content.resolve("posts/link.md"), outside.resolve("kept.md"));
            Files.createSymbolicLink(content.resolve("posts/dir"), outside);
            Files.createSymbolicLink(content.resolve("posts/loop"), content.resolve("posts"));
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symlinks here
        }
        HugoPostReader reader = new HugoPostReader(ReaderOptions.defaults().withFollowSymlinks(true));
        List<Path> listed = reader.listPosts(content);
        assertThat(listed.stream()
                        .map(path -> content.toAbsolutePath()
                                .normalize()
                                .relativize(path)
                                .toString()))
                .containsExactlyInAnyOrder("posts/dir/kept.md", "posts/dir/shared.md", "posts/link.md");
        assertThat(reader.read(content, content.resolve("posts/link.md")).title())
                .isEqualTo("Kept");
    }
}
