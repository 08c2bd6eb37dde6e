package dev.blogsearch.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.analysis.AbstractAnalysisFactory;
import org.apache.lucene.analysis.AnalysisSPILoader;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;

/**
 * An analyzer as Lucene analysis factories and their arguments: the one definition of a kind of field's analysis.
 * Our analyzers are built from it, and a Solr {@code schema.xml} names the same factories with the same arguments
 * (the configset is generated from it), so the embedded index and a Solr cluster cut text identically.
 *
 * @param charFilters applied to the text first, in order
 * @param tokenizer   cuts the text into tokens
 * @param filters     applied to the tokens, in order
 */
public record AnalysisChain(List<Step> charFilters, Step tokenizer, List<Step> filters) {

    public AnalysisChain {
        charFilters = List.copyOf(charFilters);
        filters = List.copyOf(filters);
    }

    /**
     * One factory and its arguments.
     *
     * @param factory the factory class (a {@link CharFilterFactory}, {@link TokenizerFactory} or
     *                {@link TokenFilterFactory})
     * @param args    its arguments, sorted by name
     */
    public record Step(Class<? extends AbstractAnalysisFactory> factory, SortedMap<String, String> args) {

        public Step {
            args = Collections.unmodifiableSortedMap(new TreeMap<>(args));
        }

        /** A step from a factory class and name, value pairs. */
        public static Step of(Class<? extends AbstractAnalysisFactory> factory, String... nameValuePairs) {
            if (nameValuePairs.length % 2 != 0) {
                throw new IllegalArgumentException("arguments come in name, value pairs");
            }
            TreeMap<String, String> args = new TreeMap<>();
            for (int i = 0; i < nameValuePairs.length; i += 2) {
                args.put(nameValuePairs[i], nameValuePairs[i + 1]);
            }
            return new Step(factory, args);
        }

        /** The factory's SPI name, which a Solr schema uses ({@code name="blogScriptRun"}). */
        public String name() {
            try {
                return AnalysisSPILoader.lookupSPIName(factory);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(factory.getName() + " has no public static NAME", e);
            }
        }

        /** A fresh, mutable copy: factories consume the arguments they read. */
        Map<String, String> mutableArgs() {
            return new HashMap<>(args);
        }
    }

    /**
     * The analyzer this chain describes; factories that read files ({@code ResourceLoaderAware}) read them from
     * {@code loader}.
     */
    public CustomAnalyzer build(ResourceLoader loader) throws IOException {
        CustomAnalyzer.Builder builder = CustomAnalyzer.builder(loader);
        for (Step step : charFilters) {
            builder.addCharFilter(step.factory().asSubclass(CharFilterFactory.class), step.mutableArgs());
        }
        builder.withTokenizer(tokenizer.factory().asSubclass(TokenizerFactory.class), tokenizer.mutableArgs());
        for (Step step : filters) {
            builder.addTokenFilter(step.factory().asSubclass(TokenFilterFactory.class), step.mutableArgs());
        }
        return builder.build();
    }

    /**
     * The analyzer this chain describes, with {@code dictionary}'s words served as {@link UserDictionary#RESOURCE}
     * (where a Solr core reads its configset's file) and anything else from the classpath.
     */
    public CustomAnalyzer build(UserDictionary dictionary) {
        try {
            return build(new DictionaryLoader(dictionary));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the analysis chain: " + e.getMessage(), e);
        }
    }

    /** Serves a dictionary held in memory under the name a configset file would have. */
    private static final class DictionaryLoader implements ResourceLoader {
        private final UserDictionary dictionary;
        private final ResourceLoader classpath = new ClasspathResourceLoader(AnalysisChain.class);

        DictionaryLoader(UserDictionary dictionary) {
            this.dictionary = dictionary;
        }

        @Override
        public InputStream openResource(String resource) throws IOException {
            if (resource.equals(UserDictionary.RESOURCE)) {
                return new ByteArrayInputStream(dictionary.toFileText().getBytes(StandardCharsets.UTF_8));
            }
            return classpath.openResource(resource);
        }

        @Override
        public <T> Class<? extends T> findClass(String name, Class<T> expectedType) {
            return classpath.findClass(name, expectedType);
        }
    }
}
