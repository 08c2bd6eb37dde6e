package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index folder the run may not write is reported by the folder and why. Lucene fails on {@code write.lock}, and
 * Java's message is only that file's path, which a user read as "the lock is the problem".
 */
class UnwritableIndexTest {

    @TempDir
    Path temp;

    @Test
    void aFolderWithoutWritePermissionIsNamedWithTheReason() throws IOException {
        Path content = Files.createDirectories(temp.resolve("content/posts"));
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\n---\n正文\n", StandardCharsets.UTF_8);
        Path index = Files.createDirectories(temp.resolve("index"));

        // The permission itself cannot be taken from root, which CI runs as: the directory refuses the lock as
        // the file system does for another user.
        try (Directory readOnly = new FilterDirectory(FSDirectory.open(index)) {
            @Override
            public Lock obtainLock(String name) throws IOException {
                throw new AccessDeniedException(index.resolve(name).toString());
            }
        }) {
            assertThatThrownBy(() -> new BlogIndexer(IndexSettings.defaults())
                            .index(temp.resolve("content"), readOnly, index.toString(), false, IndexProgress.NONE))
                    .isInstanceOf(IndexUnwritableException.class)
                    .hasMessage("cannot write the index folder " + index.toAbsolutePath()
                            + ": permission denied (on write.lock)");
        }
    }

    @Test
    void aFolderBelowAFileIsNamedWithTheReason() throws IOException {
        Path content = Files.createDirectories(temp.resolve("content/posts"));
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\n---\n正文\n", StandardCharsets.UTF_8);
        Path file = Files.writeString(temp.resolve("file"), "x", StandardCharsets.UTF_8);

        IndexUnwritableException e = (IndexUnwritableException) org.assertj.core.api.Assertions.catchThrowable(
                () -> new BlogIndexer(IndexSettings.defaults()).update(temp.resolve("content"), file.resolve("index")));
        assertThat(e.getMessage())
                .startsWith(
                        "cannot write the index folder " + file.resolve("index").toAbsolutePath() + ": ")
                .doesNotEndWith(": " + file);
    }
}
