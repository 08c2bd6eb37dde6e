package dev.blogsearch.api.admin;

import dev.blogsearch.api.index.ReindexState;
import dev.blogsearch.indexer.index.IndexRunSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A finished reindex as the admin API reports it. Counts are 0 and {@code error} says why when the run failed
 * (the previous index is then still served).
 *
 * @param full          whether the whole index was rebuilt (asked for, or forced by a settings change)
 * @param rebuildReason why it was rebuilt whole, or {@code null} for an incremental run
 * @param startedAt     ISO-8601 instant
 * @param finishedAt    ISO-8601 instant
 * @param posts         posts in the index after the run
 * @param skipped       posts left out because Hugo would not publish them: drafts, scheduled, expired, ...
 * @param failures      posts that could not be indexed, with why
 */
@Serdeable
public record RunSummary(
        boolean full,
        @Nullable String rebuildReason,
        String startedAt,
        String finishedAt,
        long tookMs,
        int posts,
        int added,
        int updated,
        int deleted,
        int unchanged,
        int skipped,
        int failed,
        List<Failure> failures,
        @Nullable String error) {

    /** A post that could not be indexed: its file relative to the content directory, and why. */
    @Serdeable
    public record Failure(String file, String reason) {}

    static RunSummary of(ReindexState.Finished run) {
        String started = run.startedAt().toString();
        String finished = run.finishedAt().toString();
        long tookMs = run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli();
        IndexRunSummary summary = run.summary();
        if (summary == null) {
            return new RunSummary(
                    run.fullRequested(), null, started, finished, tookMs, 0, 0, 0, 0, 0, 0, 0, List.of(), run.error());
        }
        return new RunSummary(
                summary.kind().full(),
                summary.kind().full() ? summary.kind().reason() : null,
                started,
                finished,
                tookMs,
                summary.indexed(),
                summary.added(),
                summary.updated(),
                summary.deleted(),
                summary.unchanged(),
                summary.skippedTotal(),
                summary.failures().size(),
                summary.failures().stream()
                        .map(f -> new Failure(f.file(), f.reason()))
                        .toList(),
                null);
    }
}
