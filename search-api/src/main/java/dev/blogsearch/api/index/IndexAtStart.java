package dev.blogsearch.api.index;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.config.InvalidSettingException;
import dev.blogsearch.indexer.index.FileProblems;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What the service does with its index at start-up, decided in milliseconds before any long work: a problem the
 * owner must fix (no content and no index, an index it cannot read or create) is a {@link InvalidSettingException} that
 * names the setting to change and the absolute path it looked at.
 */
enum IndexAtStart {
    /** A current index: answer from it at once and bring it up to date in the background. */
    SERVE_AND_UPDATE,
    /** No index, or one built with other settings: build it in the background; not ready until then. */
    BUILD,
    /** Serve the index as it is (no content folder, or updating at start-up is off). */
    SERVE_AS_IS;

    static IndexAtStart decide(BlogSearchConfig config, Reindexer reindexer) {
        Path index = config.indexPath().toAbsolutePath().normalize();
        Path content = reindexer.contentPath().toAbsolutePath().normalize();
        if (Files.exists(index) && !Files.isDirectory(index)) {
            throw new InvalidSettingException("BLOGSEARCH_INDEX_DIR is " + index
                    + ", which is a file: set it to a folder " + "for the index (it is created if missing).");
        }
        boolean hasIndex = hasCommit(index);
        boolean servable = false;
        if (hasIndex) {
            try {
                servable = reindexer.servableAsIs();
            } catch (IOException e) {
                throw unreadable(index, e);
            }
        }
        if (!Files.isDirectory(content)) {
            if (!hasIndex) {
                throw new InvalidSettingException("No posts to serve: there is no content folder at " + content
                        + " and no index at " + index + ". Set BLOGSEARCH_CONTENT_DIR to your blog's content "
                        + "folder (the one with posts/ in it).");
            }
            return SERVE_AS_IS;
        }
        if (!config.reindexOnStart()) {
            if (!hasIndex) {
                throw new InvalidSettingException("No index at " + index + " and BLOGSEARCH_REINDEX_ON_START is false: "
                        + "build it with blog-indexer --content " + content + " --index " + index
                        + ", or set BLOGSEARCH_REINDEX_ON_START=true.");
            }
            return SERVE_AS_IS;
        }
        if (servable) {
            return SERVE_AND_UPDATE;
        }
        try {
            Files.createDirectories(index);
        } catch (IOException e) {
            throw new InvalidSettingException("Cannot create the index folder " + index + ": " + FileProblems.reason(e)
                    + ". Set BLOGSEARCH_INDEX_DIR to a folder the service may write.");
        }
        return BUILD;
    }

    private static boolean hasCommit(Path index) {
        if (!Files.isDirectory(index)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(index)) {
            return DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            throw unreadable(index, e);
        }
    }

    static InvalidSettingException unreadable(Path index, IOException e) {
        String fix = e instanceof AccessDeniedException
                ? "Let the service's user read and write it"
                : "Delete it to have it rebuilt from the content";
        return new InvalidSettingException("Cannot read the index at " + index + ": " + FileProblems.reason(e) + ". "
                + fix + ", or set BLOGSEARCH_INDEX_DIR to another folder.");
    }
}
