package dev.blogsearch.indexer.index;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * Says why a file operation failed, for a person. Java's file exceptions carry only the path as their message
 * ({@code AccessDeniedException: /srv/index/write.lock}), which reads as if the path itself were the complaint.
 */
public final class FileProblems {

    private FileProblems() {}

    /** Why {@code e} happened, without its path: "permission denied", "read-only file system"... */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way, not a folder";
        }
        if (e instanceof CorruptIndexException
                || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException) {
            return "it is damaged, or not an index this version of blog search wrote";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file {@code e} is about, when it names one. */
    static String file(IOException e) {
        return e instanceof FileSystemException fs ? fs.getFile() : null;
    }
}
