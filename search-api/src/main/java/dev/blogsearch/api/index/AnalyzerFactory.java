package dev.blogsearch.api.index;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.SiteSettings;
import dev.blogsearch.schema.PostAnalyzer;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings the service indexes with, decided once at start-up (the configuration's over those the index was
 * built with), and the one analyzer they make: the index is written and searched with it.
 */
@Factory
final class AnalyzerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerFactory.class);

    @Singleton
    SiteSettings.Resolved settings(BlogSearchConfig config) {
        SiteSettings.Resolved resolved = config.resolved();
        LOG.info("Settings:\n  {}", String.join("\n  ", resolved.origins()));
        config.conflictsWithIndex().forEach(LOG::warn);
        return resolved;
    }

    @Singleton
    PostAnalyzer analyzer(SiteSettings.Resolved settings) {
        return settings.settings().analyzer();
    }
}
