package dev.blogsearch.indexer.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * What a path listed as a post is, found before a byte of it is read, and its bytes read with a bound. Only a
 * regular file is read: a device never ends ({@code /dev/zero}), a named pipe blocks until someone writes, a socket
 * cannot be opened, and a symbolic link may lead outside the content directory, so it is read only when the owner
 * asked for links to be followed, and then only when it leads to a regular file.
 *
 * <p>Kinds are told apart by the file's metadata ({@code lstat}, and {@code stat} through a link), which reads no
 * content; the reason says what the file is, so the owner knows what to remove.
 */
final class PostFiles {

    private static final String ONLY_REGULAR =
            "only regular files are read as posts (remove it, or rename it without .md)";

    private PostFiles() {}

    /**
     * The attributes of the file a post would be read from: the path itself, or with {@code followSymlinks} the
     * file a link leads to.
     *
     * @throws PostReadException when that is not a regular file, the name is not UTF-8 or the file is gone
     */
    static BasicFileAttributes check(Path file, boolean followSymlinks) throws PostReadException {
        if (!file.getFileSystem().getPath(file.toString()).equals(file)) {
            // The name's bytes do not survive decoding: not UTF-8 (shown with U+FFFD), and no tool agrees on it.
            throw new PostReadException(
                    "the file name (or a folder name on its path) is not valid UTF-8; rename it with UTF-8 characters");
        }
        BasicFileAttributes own = attributes(file, LinkOption.NOFOLLOW_LINKS);
        if (own == null) {
            // Deleted or renamed since the content was listed: a renamed file is indexed by the next run.
            throw new PostReadException("the file does not exist");
        }
        if (!own.isSymbolicLink()) {
            if (own.isRegularFile()) {
                return own;
            }
            throw new PostReadException(kind(file, own) + ", not a file: " + ONLY_REGULAR);
        }
        BasicFileAttributes target = linkTarget(file, followSymlinks);
        if (target == null) {
            throw new PostReadException(
                    "a symbolic link to a file that does not exist (a dangling link)" + notFollowed(followSymlinks));
        }
        if (!target.isRegularFile()) {
            throw new PostReadException(
                    "a symbolic link to " + kind(file, target) + notFollowed(followSymlinks) + ": " + ONLY_REGULAR);
        }
        if (!followSymlinks) {
            throw new PostReadException("a symbolic link, not followed (it may point outside the content"
                    + " directory); index it with --follow-symlinks (BLOGSEARCH_FOLLOW_SYMLINKS=true)");
        }
        return target;
    }

    /**
     * The file's bytes, at most {@code maxBytes} of them: the kind is checked again just before the file is opened
     * (it may have been replaced since it was listed), a link is opened only with {@code followSymlinks}, and the
     * read stops past the limit whatever the file's size said.
     */
    static byte[] read(Path file, boolean followSymlinks, long maxBytes, String sourcePath) throws PostReadException {
        long size = check(file, followSymlinks).size();
        if (size > maxBytes) {
            throw tooLarge(size, maxBytes);
        }
        OpenOption[] options = followSymlinks
                ? new OpenOption[] {StandardOpenOption.READ}
                : new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
        try (SeekableByteChannel channel = Files.newByteChannel(file, options)) {
            // One byte more than allowed tells a file over the limit (one that grew, or a /proc file whose size is
            // 0) from one exactly at it.
            int limit = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
            byte[] bytes = new byte[(int) Math.min(Math.max(size, 4096), limit)];
            int length = 0;
            while (true) {
                if (length == bytes.length) {
                    if (length == limit) {
                        throw tooLarge(-1, maxBytes);
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min((long) length * 2, limit));
                }
                int read = channel.read(ByteBuffer.wrap(bytes, length, bytes.length - length));
                if (read < 0) {
                    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
                }
                length += read;
            }
        } catch (NoSuchFileException e) {
            throw new PostReadException("the file does not exist", e);
        } catch (AccessDeniedException e) {
            throw new PostReadException("permission denied", e);
        } catch (IOException e) {
            String reason =
                    e.getMessage() == null ? "I/O error" : e.getMessage().replace(file.toString(), sourcePath);
            throw new PostReadException("cannot read the file: " + reason, e);
        }
    }

    /** {@code size} is the file's size when known ({@code -1} when the read went past the limit). */
    private static PostReadException tooLarge(long size, long maxBytes) {
        return new PostReadException(
                (size > maxBytes ? "the file is " + size + " bytes, more than" : "the file holds more than")
                        + " the limit of " + maxBytes + " bytes for one post");
    }

    private static String notFollowed(boolean followSymlinks) {
        return followSymlinks ? "" : ", not followed";
    }

    /** The attributes of the file itself, not of a link's target; {@code null} when there is no such file. */
    private static BasicFileAttributes attributes(Path file, LinkOption option) throws PostReadException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, option);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new PostReadException("permission denied", e);
        } catch (IOException e) {
            throw new PostReadException("cannot read the file's attributes: " + reason(e), e);
        }
    }

    /** The attributes of the file a link leads to; {@code null} when it leads nowhere. */
    private static BasicFileAttributes linkTarget(Path link, boolean followSymlinks) throws PostReadException {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new PostReadException(
                    "a symbolic link to a file this user may not read" + notFollowed(followSymlinks), e);
        } catch (FileSystemException e) {
            // ELOOP ("Too many levels of symbolic links"): the link leads back to itself, directly or through others.
            if (e.getReason() != null && e.getReason().startsWith("Too many levels of symbolic links")) {
                throw new PostReadException(
                        "a symbolic link that loops (it leads back to itself)" + notFollowed(followSymlinks), e);
            }
            throw new PostReadException(
                    "a symbolic link that leads nowhere (" + reason(e) + ")" + notFollowed(followSymlinks), e);
        } catch (IOException e) {
            throw new PostReadException("a symbolic link that cannot be followed: " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return "I/O error";
    }

    /** "a device", "a named pipe", ... for a file that is not a regular file. */
    private static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        Integer mode = null;
        try {
            // The unix view tells a device from a pipe; where there is none, "a special file" is all we can say.
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // fall through
        }
        if (mode == null) {
            return "a special file (a device, a named pipe or a socket)";
        }
        return switch (mode & 0170000) {
            case 0020000, 0060000 -> "a device";
            case 0010000 -> "a named pipe";
            case 0140000 -> "a socket";
            default -> "a special file";
        };
    }
}
