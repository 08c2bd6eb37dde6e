package dev.blogsearch.api.admin;

import dev.blogsearch.api.index.ReindexBusyException;
import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.api.index.SearchIndex;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;

/**
 * {@code POST /api/admin/reindex} and {@code GET /api/admin/status}, for a deploy hook. Only reachable with the
 * admin token ({@link AdminTokenFilter}). A reindex while one runs is refused with 409, never queued.
 */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReindexController {

    private final Reindexer reindexer;
    private final SearchIndex index;

    ReindexController(Reindexer reindexer, SearchIndex index) {
        this.reindexer = reindexer;
        this.index = index;
    }

    /**
     * Starts a reindex: 202 with the status at once, or with {@code wait=true} 200 and the run's summary once
     * it has finished and searches see it. A run that failed (the content directory gone or unreadable, the
     * disk full) answers 503 with the reason: the previous index is still served, and a deploy hook calling
     * {@code curl --fail} sees the failure.
     *
     * @param full rebuild the whole index rather than only new and changed posts
     */
    @Post("/reindex")
    HttpResponse<?> reindex(
            @QueryValue(defaultValue = "false") boolean full, @QueryValue(defaultValue = "false") boolean wait)
            throws IOException {
        try {
            if (!wait) {
                return HttpResponse.accepted().body(StatusResponse.of(index.served(), reindexer.start(full)));
            }
            reindexer.run(full);
            return HttpResponse.ok(RunSummary.of(reindexer.state().last()));
        } catch (ReindexBusyException e) {
            throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
        } catch (IOException e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(RunSummary.of(reindexer.state().last()));
        }
    }

    @Get("/status")
    StatusResponse status() throws IOException {
        return StatusResponse.of(index.served(), reindexer.state());
    }
}
