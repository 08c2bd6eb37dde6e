package dev.blogsearch.api.index;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.SiteSettings;
import dev.blogsearch.schema.PostAnalyzer;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The settings the service indexes with, decided once at start-up (the configuration's over those the index was
 * built with), and the one analyzer they make: the index is written and searched with it.
 */
@Factory
final class AnalyzerFactory {

    @Singleton
    SiteSettings.Resolved settings(BlogSearchConfig config) {
        // Logged once the start-up checks passed (SettingsLog).
        return config.resolved();
    }

    @Singleton
    PostAnalyzer analyzer(SiteSettings.Resolved settings) {
        return settings.settings().analyzer();
    }
}
