package dev.blogsearch.indexer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files named like posts that are not regular files, as an attacker with write access to one folder, a broken sync
 * or a careless {@code ln -s} leaves them: links to devices and to files outside the blog, named pipes, sockets,
 * link loops, dangling links, names that are not UTF-8. Reading any of them the ordinary way hangs (a device that
 * never ends, a pipe nobody writes) or reads outside the content directory.
 */
public final class SpecialFiles {

    /** Text of a file outside the content directory; it must never reach an index without follow-symlinks. */
    public static final String OUTSIDE_TEXT = "OUTSIDEFILETEXT";

    private SpecialFiles() {}

    /**
     * Writes one special file of each kind below {@code content/posts} (and the files they point at below
     * {@code outside}); returns each post's path relative to {@code content} and a piece of the reason the
     * indexer must give for it when symbolic links are not followed. The file with a name that is not UTF-8 is
     * keyed by its name as Java shows it (with U+FFFD).
     */
    public static Map<String, String> write(Path content, Path outside) {
        try {
            Path posts = Files.createDirectories(content.resolve("posts"));
            Files.createDirectories(outside);
            Map<String, String> expected = new LinkedHashMap<>();

            Files.createSymbolicLink(posts.resolve("zero.md"), Path.of("/dev/zero"));
            expected.put("posts/zero.md", "symbolic link to a device, not followed");
            Files.createSymbolicLink(posts.resolve("passwd.md"), Path.of("/etc/passwd"));
            expected.put("posts/passwd.md", "symbolic link, not followed");

            mkfifo(posts.resolve("pipe.md"));
            expected.put("posts/pipe.md", "a named pipe");
            // A pipe outside: reading through the link would block until someone writes to it.
            mkfifo(outside.resolve("pipe"));
            Files.createSymbolicLink(posts.resolve("outside-pipe.md"), outside.resolve("pipe"));
            expected.put("posts/outside-pipe.md", "symbolic link to a named pipe, not followed");

            socket(posts.resolve("socket.md"));
            expected.put("posts/socket.md", "a socket");

            Files.createSymbolicLink(posts.resolve("loop-a.md"), posts.resolve("loop-b.md"));
            Files.createSymbolicLink(posts.resolve("loop-b.md"), posts.resolve("loop-a.md"));
            expected.put("posts/loop-a.md", "loop");
            expected.put("posts/loop-b.md", "loop");
            Files.createSymbolicLink(posts.resolve("dangling.md"), posts.resolve("nowhere.md"));
            expected.put("posts/dangling.md", "does not exist");

            Files.writeString(
                    outside.resolve("secret.md"),
                    "---\ntitle: outside\n---\n" + OUTSIDE_TEXT + "\n",
                    StandardCharsets.UTF_8);
            Files.createSymbolicLink(posts.resolve("secret.md"), outside.resolve("secret.md"));
            expected.put("posts/secret.md", "symbolic link, not followed");

            // bytes 'bad-', 0xFF, '.md': no Java string names this file, so the shell makes it.
            run(posts, "sh", "-c", "touch \"$(printf 'bad-\\377.md')\"");
            expected.put("posts/bad-\ufffd.md", "not valid UTF-8");
            return expected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One kind of file named like a post, for randomized tests ({@link RandomInputs#fileKind()}). */
    public enum Kind {
        REGULAR,
        LINK_TO_DEV_ZERO,
        LINK_TO_DEV_NULL,
        LINK_TO_DEV_URANDOM,
        LINK_TO_ETC_PASSWD,
        LINK_TO_PIPE_OUTSIDE,
        LINK_TO_FOLDER,
        LINK_TO_ITSELF,
        DANGLING_LINK,
        NAMED_PIPE,
        SOCKET,
        NAME_NOT_UTF8,
        FOLDER_NAMED_LIKE_A_POST;

        /**
         * Makes a file of this kind at {@code relative} below {@code content}, using {@code outside} (a folder
         * beside it) for what links point at; returns the post's path relative to the content directory as the
         * indexer names it, or {@code null} when the indexer lists no post there (a folder, a followed link to one).
         */
        public String create(Path content, String relative, Path outside, boolean followSymlinks) throws IOException {
            Path file = content.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.createDirectories(outside);
            switch (this) {
                case REGULAR -> Files.writeString(file, "---\ntitle: regular\n---\nredis\n", StandardCharsets.UTF_8);
                case LINK_TO_DEV_ZERO -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
                case LINK_TO_DEV_NULL -> Files.createSymbolicLink(file, Path.of("/dev/null"));
                case LINK_TO_DEV_URANDOM -> Files.createSymbolicLink(file, Path.of("/dev/urandom"));
                case LINK_TO_ETC_PASSWD -> Files.createSymbolicLink(file, Path.of("/etc/passwd"));
                case LINK_TO_PIPE_OUTSIDE -> {
                    Path pipe = outside.resolve(
                            "pipe-" + file.getFileName().toString().replace(".md", ""));
                    mkfifo(pipe);
                    Files.createSymbolicLink(file, pipe);
                }
                case LINK_TO_FOLDER -> {
                    Files.createSymbolicLink(file, Files.createDirectories(outside.resolve("empty-folder")));
                    return followSymlinks ? null : relative; // followed, it is a folder with no posts
                }
                case LINK_TO_ITSELF -> Files.createSymbolicLink(file, file.getFileName());
                case DANGLING_LINK -> Files.createSymbolicLink(file, outside.resolve("nowhere.md"));
                case NAMED_PIPE -> mkfifo(file);
                case SOCKET -> socket(file);
                case NAME_NOT_UTF8 -> {
                    String name = file.getFileName().toString().replace(".md", "");
                    run(file.getParent(), "sh", "-c", "touch \"$(printf '" + name + "\\377.md')\"");
                    return relative.replace(".md", "\ufffd.md");
                }
                case FOLDER_NAMED_LIKE_A_POST -> {
                    Files.createDirectories(file);
                    return null;
                }
            }
            return relative;
        }
    }

    /** A named pipe (FIFO) at {@code path}, made by {@code mkfifo}: the Files API cannot make one. */
    public static void mkfifo(Path path) throws IOException {
        run(path.getParent(), "mkfifo", path.getFileName().toString());
    }

    /** A Unix domain socket bound at {@code path}, left there (a closed socket's file stays until deleted). */
    public static void socket(Path path) throws IOException {
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(path));
        }
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
