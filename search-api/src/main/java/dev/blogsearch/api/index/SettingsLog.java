package dev.blogsearch.api.index;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.SiteSettings;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the settings the service indexes with, and where each came from, once every start-up check has passed (the
 * port, the content folder, the index folder): a start that fails is the one line naming the setting to change,
 * not that line after a block of settings. First of the start's listeners, so the settings come before the line
 * saying what is done with the index.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
final class SettingsLog implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsLog.class);

    private final SiteSettings.Resolved settings;
    private final BlogSearchConfig config;

    SettingsLog(SiteSettings.Resolved settings, BlogSearchConfig config) {
        this.settings = settings;
        this.config = config;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        LOG.info("Settings:\n  {}", String.join("\n  ", settings.origins()));
        config.conflictsWithIndex().forEach(LOG::warn);
    }
}
