package dev.blogsearch.api.admin;

import dev.blogsearch.api.index.ReindexState;
import dev.blogsearch.api.index.SearchIndex;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /api/admin/status}, and the answer to a reindex started in the background.
 *
 * @param posts      posts in the index searches are answered from
 * @param lastCommit when that index was committed (ISO-8601), or {@code null} when unknown
 * @param running    whether a reindex is running in this service
 * @param current    the running reindex, or {@code null}
 * @param lastRun    the last reindex this service ran that has ended, or {@code null} since it started
 */
@Serdeable
public record StatusResponse(
        int posts,
        @Nullable String lastCommit,
        boolean running,
        @Nullable Progress current,
        @Nullable RunSummary lastRun) {

    /**
     * A running reindex.
     *
     * @param postFiles post files it looks at (0 until it holds the index)
     * @param done      post files looked at so far
     */
    @Serdeable
    public record Progress(boolean full, String startedAt, int postFiles, int done) {}

    static StatusResponse of(SearchIndex.Served served, ReindexState state) {
        ReindexState.Current current = state.current();
        return new StatusResponse(
                served.posts(),
                served.committedAt() == null ? null : served.committedAt().toString(),
                state.running(),
                current == null
                        ? null
                        : new Progress(current.full(), current.startedAt().toString(), current.posts(), current.done()),
                state.last() == null ? null : RunSummary.of(state.last()));
    }
}
