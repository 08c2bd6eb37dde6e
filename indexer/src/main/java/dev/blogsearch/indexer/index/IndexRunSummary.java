package dev.blogsearch.indexer.index;

import dev.blogsearch.indexer.content.PublishRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one indexing run did. Every post file found lands in exactly one of added, updated, unchanged, skipped
 * (not published, by kind) or failures; {@code deleted} counts the documents whose file is gone (a renamed file is
 * one deleted and one added).
 *
 * @param kind       incremental, or why the whole index was rebuilt
 * @param indexed    posts in the index after the run
 * @param added      posts indexed that the index did not hold
 * @param updated    posts re-analysed because their file changed
 * @param deleted    posts removed because their file is gone
 * @param unchanged  posts kept as they were: their file has the same content hash
 * @param skipped    posts left out because Hugo would not publish them, by why ({@link PublishRules.Verdict});
 *                   kinds with none are absent
 * @param failures   posts that could not be indexed, each with its file and reason; every other post is indexed
 * @param committed  whether the run wrote a commit; a run that found nothing to change writes none
 * @param took       wall-clock time of the run
 * @param nextChange when the set of published posts next changes by the clock alone ({@link IndexMetadata}), or
 *                   {@code null}
 */
public record IndexRunSummary(
        RunKind kind,
        int indexed,
        int added,
        int updated,
        int deleted,
        int unchanged,
        Map<PublishRules.Verdict, Integer> skipped,
        List<Failure> failures,
        boolean committed,
        Duration took,
        Instant nextChange) {

    /** A post that could not be indexed: its file relative to the content directory, and why. */
    public record Failure(String file, String reason) {}

    public IndexRunSummary {
        EnumMap<PublishRules.Verdict, Integer> counts = new EnumMap<>(PublishRules.Verdict.class);
        skipped.forEach((verdict, count) -> {
            if (count > 0) {
                counts.put(verdict, count);
            }
        });
        skipped = Collections.unmodifiableMap(counts);
        failures = List.copyOf(failures);
    }

    /** Drafts left out because drafts were not asked for. */
    public int skippedDrafts() {
        return skipped.getOrDefault(PublishRules.Verdict.DRAFT, 0);
    }

    /** Posts left out because Hugo would not publish them, of every kind. */
    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    /** Whether the run changed what the index holds. */
    public boolean changedPosts() {
        return added + updated + deleted > 0;
    }
}
