package dev.blogsearch.analysis.factories;

import dev.blogsearch.analysis.TextFolding;
import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/**
 * {@link TextFolding#wrap}: full-width forms to half-width, Traditional Chinese to Simplified, before anything
 * else reads the text. Also folds the text of a wildcard or prefix term ({@link #normalize}), as the analyzers do.
 *
 * <pre class="prettyprint">
 * &lt;charFilter name="blogTextFolding"/&gt;
 * </pre>
 */
public final class TextFoldingCharFilterFactory extends CharFilterFactory {

    /** SPI name. */
    public static final String NAME = "blogTextFolding";

    public TextFoldingCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Default constructor for SPI, which only looks the class up. */
    public TextFoldingCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return TextFolding.wrap(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return TextFolding.wrap(input);
    }
}
