package dev.blogsearch.indexer.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A cheap digest of a content directory: every post's relative path, size and modification time, plus the
 * settings the index is built with. Equal fingerprints mean the index need not be rebuilt; it reads no file's
 * contents, so checking it at start-up costs one {@code stat} per post.
 */
public final class ContentFingerprint {

    private ContentFingerprint() {
    }

    public static String of(Path contentDir, List<Path> postFiles, String settings) throws IOException {
        MessageDigest digest = sha256();
        update(digest, settings);
        for (Path file : postFiles) {
            update(digest, contentDir.relativize(file).toString());
            try {
                BasicFileAttributes attributes =
                        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                update(digest, attributes.size() + "@" + attributes.lastModifiedTime().toMillis());
            } catch (IOException gone) {
                update(digest, "unreadable");
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
