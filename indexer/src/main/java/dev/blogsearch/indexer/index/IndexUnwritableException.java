package dev.blogsearch.indexer.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The index folder cannot be created or written (permissions, a read-only file system, a file in the way); nothing
 * was changed. The message names the folder and why, not only the file Lucene failed on ({@code write.lock}).
 */
public final class IndexUnwritableException extends IOException {

    public IndexUnwritableException(Path indexDir, IOException cause) {
        super(message(indexDir, cause), cause);
    }

    private static String message(Path indexDir, IOException cause) {
        Path folder = indexDir.toAbsolutePath().normalize();
        String file = FileProblems.file(cause);
        String where = "";
        if (file != null) {
            Path failed = Path.of(file).toAbsolutePath().normalize();
            if (!failed.equals(folder)) {
                where = failed.startsWith(folder) ? " (on " + folder.relativize(failed) + ")" : " (on " + failed + ")";
            }
        }
        return "cannot write the index folder " + folder + ": " + FileProblems.reason(cause) + where;
    }
}
