package dev.blogsearch.api.index;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.schema.PostAnalyzer;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one analyzer of the service, built from its settings: the index is written and searched with it. */
@Factory
final class AnalyzerFactory {

    @Singleton
    PostAnalyzer analyzer(BlogSearchConfig config) {
        return config.indexSettings().analyzer();
    }
}
