package dev.blogsearch.indexer.index;

import java.time.Duration;
import java.util.List;

/**
 * What one indexing run did.
 *
 * @param indexed       posts now in the index
 * @param skippedDrafts drafts left out because drafts were not asked for
 * @param failures      posts that could not be indexed, each with its file and reason; every other post is indexed
 * @param took          wall-clock time of the run
 */
public record IndexRunSummary(int indexed, int skippedDrafts, List<Failure> failures, Duration took) {

    /** A post that could not be indexed: its file relative to the content directory, and why. */
    public record Failure(String file, String reason) {
    }

    public IndexRunSummary {
        failures = List.copyOf(failures);
    }

    public boolean hasFailures() {
        return !failures.isEmpty();
    }
}
