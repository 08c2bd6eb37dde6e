package dev.blogsearch.indexer.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.BytesRef;

/**
 * A post file's size and modification time when it was indexed, which let an incremental run skip hashing a file
 * that was not touched since (git's index does the same). The content hash still decides whenever the stamp
 * differs: a checkout that rewrites a file with the same bytes costs a hash, not a re-analysis.
 *
 * <p>A stamp is only trusted when the file was last modified well before it was read ({@link #RACY_WINDOW_NANOS}):
 * an edit made in the same clock tick as the read, on a file system with coarse timestamps, would otherwise keep
 * the stamp the index recorded while changing the bytes. Such a file is recorded with {@link #UNKNOWN} and hashed
 * again by the next run.
 *
 * @param size          bytes
 * @param modifiedNanos modification time, nanoseconds since the epoch
 */
public record FileStamp(long size, long modifiedNanos) {

    /** Matches no file: the file is hashed by the next run. */
    public static final FileStamp UNKNOWN = new FileStamp(-1, Long.MIN_VALUE);

    /** Coarser than any file system's timestamps (FAT: 2 s) and than a clock step between stat and read. */
    static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(3);

    /**
     * The stamp of a file from its attributes, read before its bytes are; {@link #UNKNOWN} when it was modified
     * just now.
     */
    static FileStamp of(BasicFileAttributes attributes) {
        Instant now = Instant.now();
        return of(attributes, TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano());
    }

    static FileStamp of(BasicFileAttributes attributes, long readAtEpochNanos) {
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        if (modified > readAtEpochNanos - RACY_WINDOW_NANOS) {
            return UNKNOWN;
        }
        return new FileStamp(attributes.size(), modified);
    }

    /** Whether a file with this stamp can be taken as unchanged since it was indexed with {@code indexed}. */
    boolean sameAs(FileStamp indexed) {
        return !equals(UNKNOWN) && equals(indexed);
    }

    /** As the index holds it: {@code size:modifiedNanos}. */
    public BytesRef toBytes() {
        return new BytesRef(size + ":" + modifiedNanos);
    }

    /** The stamp {@link #toBytes()} wrote; {@link #UNKNOWN} for anything else, such as an empty value. */
    public static FileStamp fromBytes(BytesRef bytes) {
        String text = new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        try {
            return colon < 0
                    ? UNKNOWN
                    : new FileStamp(
                            Long.parseLong(text, 0, colon, 10), Long.parseLong(text, colon + 1, text.length(), 10));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }
}
