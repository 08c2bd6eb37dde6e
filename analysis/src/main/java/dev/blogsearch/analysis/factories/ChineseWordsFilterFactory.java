package dev.blogsearch.analysis.factories;

import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.analysis.internal.SmartcnWordFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * {@link SmartcnWordFilter}: Han runs to Chinese words, keeping whole the words of the files {@code dictionary} names
 * (comma-separated, in {@link UserDictionary}'s format), read through the resource loader: in Solr, the
 * configset's {@value UserDictionary#RESOURCE}, which holds the built-in tech glossary and the blog owner's words.
 *
 * <pre class="prettyprint">
 * &lt;filter name="blogChineseWords" dictionary="dictionary.txt"/&gt;
 * </pre>
 */
public final class ChineseWordsFilterFactory extends TokenFilterFactory implements ResourceLoaderAware {

    /** SPI name. */
    public static final String NAME = "blogChineseWords";
    /** The argument naming the owner's word files. */
    public static final String DICTIONARY = "dictionary";

    private final List<String> files;
    private UserDictionary dictionary;

    public ChineseWordsFilterFactory(Map<String, String> args) {
        super(args);
        String names = get(args, DICTIONARY);
        files = names == null ? List.of() : splitFileNames(names);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Default constructor for SPI, which only looks the class up. */
    public ChineseWordsFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public void inform(ResourceLoader loader) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        try {
            List<Reader> readers = new ArrayList<>();
            for (String file : files) {
                InputStream in = loader.openResource(file);
                streams.add(in);
                readers.add(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            dictionary = UserDictionary.read(readers);
        } finally {
            for (InputStream in : streams) {
                in.close();
            }
        }
    }

    /** The words kept whole, read by {@link #inform}. */
    public UserDictionary dictionary() {
        if (dictionary == null) {
            throw new IllegalStateException(NAME + " was not given its resource loader (inform) before use");
        }
        return dictionary;
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new SmartcnWordFilter(input, dictionary());
    }
}
