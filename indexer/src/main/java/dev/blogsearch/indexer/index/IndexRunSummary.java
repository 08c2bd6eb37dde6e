package dev.blogsearch.indexer.index;

import java.time.Duration;
import java.util.List;

/**
 * What one indexing run did. Every post file found lands in exactly one of added, updated, unchanged, skipped
 * drafts or failures; {@code deleted} counts the documents whose file is gone (a renamed file is one deleted and
 * one added).
 *
 * @param kind          incremental, or why the whole index was rebuilt
 * @param indexed       posts in the index after the run
 * @param added         posts indexed that the index did not hold
 * @param updated       posts re-analysed because their file changed
 * @param deleted       posts removed because their file is gone
 * @param unchanged     posts kept as they were: their file has the same content hash
 * @param skippedDrafts drafts left out because drafts were not asked for
 * @param failures      posts that could not be indexed, each with its file and reason; every other post is indexed
 * @param committed     whether the run wrote a commit; a run that found nothing to change writes none
 * @param took          wall-clock time of the run
 */
public record IndexRunSummary(
        RunKind kind,
        int indexed,
        int added,
        int updated,
        int deleted,
        int unchanged,
        int skippedDrafts,
        List<Failure> failures,
        boolean committed,
        Duration took) {

    /** A post that could not be indexed: its file relative to the content directory, and why. */
    public record Failure(String file, String reason) {}

    public IndexRunSummary {
        failures = List.copyOf(failures);
    }

    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    /** Whether the run changed what the index holds. */
    public boolean changedPosts() {
        return added + updated + deleted > 0;
    }
}
