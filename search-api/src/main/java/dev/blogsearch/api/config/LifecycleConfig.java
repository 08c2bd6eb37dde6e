package dev.blogsearch.api.config;

import dev.blogsearch.indexer.watch.ContentWatcher;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * How the service keeps its index up to date, under {@code blogsearch.lifecycle}.
 *
 * @param watch             follow the content directory and update the index within a second or two of every
 *                          change ({@code BLOGSEARCH_WATCH}), for an owner writing with {@code hugo server} open
 * @param watchQuietPeriod  how long the content must stay unchanged before a watched change is indexed, so a save
 *                          or a {@code git pull} of many files is one update; not given, the indexer's own
 *                          ({@link ContentWatcher#QUIET_PERIOD}, which {@code blog-indexer --watch} waits too)
 */
// Read at start-up: a value that cannot be read stops the start with one line, not each request with a 500.
@Context
@ConfigurationProperties("blogsearch.lifecycle")
public record LifecycleConfig(boolean watch, @Nullable Duration watchQuietPeriod) {

    public LifecycleConfig {
        watchQuietPeriod = watchQuietPeriod == null ? ContentWatcher.QUIET_PERIOD : watchQuietPeriod;
    }
}
