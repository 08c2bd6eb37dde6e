package dev.blogsearch.api.monitoring;

import dev.blogsearch.api.config.Backend;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.ReindexState;
import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.api.index.SearchIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Gauges of the index and of the last reindex, read when Prometheus scrapes: posts served, the index's size on
 * disk, whether it is open, and when the last run ended, whether it succeeded, how long it took and how many posts
 * it could not index. A gauge with nothing to report yet (no run since start) is NaN, which Prometheus shows as such.
 */
@Singleton
@Requires(property = Backend.PROPERTY, notEquals = Backend.SOLRCLOUD)
final class IndexMeters implements MeterBinder {

    private final SearchIndex index;
    private final Reindexer reindexer;
    private final Path indexDir;

    IndexMeters(SearchIndex index, Reindexer reindexer, BlogSearchConfig config) {
        this.index = index;
        this.reindexer = reindexer;
        this.indexDir = config.indexPath();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(MeterNames.INDEX_POSTS, this, IndexMeters::posts)
                .description("Posts in the index searches are answered from")
                .register(registry);
        Gauge.builder(MeterNames.INDEX_SIZE, this, IndexMeters::sizeBytes)
                .description("Size of the index folder on disk")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
        Gauge.builder(MeterNames.INDEX_READY, this, meters -> meters.index.isOpen() ? 1 : 0)
                .description("1 when an index is open and searches are answered, 0 while it is built")
                .register(registry);
        lastRun(
                registry,
                MeterNames.REINDEX_FINISHED,
                "seconds",
                "When the last reindex ended (Unix time)",
                run -> run.finishedAt().toEpochMilli() / 1000.0);
        lastRun(
                registry,
                MeterNames.REINDEX_SUCCESS,
                null,
                "1 when the last reindex succeeded, 0 when it failed",
                run -> run.error() == null ? 1 : 0);
        lastRun(
                registry,
                MeterNames.REINDEX_DURATION,
                "seconds",
                "How long the last reindex took",
                run -> (run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0);
        lastRun(
                registry,
                MeterNames.REINDEX_FAILED_POSTS,
                null,
                "Posts the last reindex could not index",
                run -> run.summary() == null ? 0 : run.summary().failures().size());
    }

    private void lastRun(
            MeterRegistry registry,
            String name,
            String unit,
            String description,
            ToDoubleFunction<ReindexState.Finished> value) {
        Gauge.builder(name, reindexer, indexer -> {
                    ReindexState.Finished last = indexer.state().last();
                    return last == null ? Double.NaN : value.applyAsDouble(last);
                })
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }

    private double posts() {
        try {
            return index.served().posts();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private double sizeBytes() {
        if (!Files.isDirectory(indexDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(indexDir)) {
            return files.mapToLong(IndexMeters::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0; // deleted by a merge since it was listed
        }
    }
}
