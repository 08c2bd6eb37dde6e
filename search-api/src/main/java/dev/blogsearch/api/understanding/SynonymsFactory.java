package dev.blogsearch.api.understanding;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.api.config.BlogSearchConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** The synonyms the service searches with: the built-in list plus the blog owner's file, when configured. */
@Factory
final class SynonymsFactory {

    @Singleton
    Synonyms synonyms(BlogSearchConfig config) {
        String file = config.synonyms();
        return Synonyms.load(file == null || file.isBlank() ? null : Path.of(file));
    }
}
