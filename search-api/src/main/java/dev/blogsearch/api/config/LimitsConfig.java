package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import java.time.Duration;

/**
 * Limits on the work one request may cause, under {@code blogsearch.limits}. The fixed request limits (query length,
 * page depth...) are in {@code web.SearchLimits}; this holds the ones an owner may want to tune.
 *
 * @param timeBudget how long a search may rank before it answers with what it has, flagged {@code partial}
 * @param concurrentSearches searches that run at once, the others waiting their turn; 0 for one per core (checked
 *                           by {@code search.SearchGate}, which uses it)
 */
// Read at start-up: a value that cannot be read stops the start with one line, not each request with a 500.
@Context
@ConfigurationProperties("blogsearch.limits")
public record LimitsConfig(Duration timeBudget, int concurrentSearches) {

    public LimitsConfig {
        if (timeBudget == null || timeBudget.isNegative()) {
            throw new InvalidSettingException("blogsearch.limits.time-budget (BLOGSEARCH_TIME_BUDGET) must be a"
                    + " positive duration, such as 2s");
        }
    }
}
