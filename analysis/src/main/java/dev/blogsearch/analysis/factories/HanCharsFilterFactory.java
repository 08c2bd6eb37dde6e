package dev.blogsearch.analysis.factories;

import dev.blogsearch.analysis.internal.HanCharsFilter;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * {@link HanCharsFilter}: one token per Han character of the Han runs, typed so that {@code cjkBigram} pairs them;
 * every other token dropped.
 *
 * <pre class="prettyprint">
 * &lt;filter name="blogHanChars"/&gt;
 * </pre>
 */
public final class HanCharsFilterFactory extends TokenFilterFactory {

    /** SPI name. */
    public static final String NAME = "blogHanChars";

    public HanCharsFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Default constructor for SPI, which only looks the class up. */
    public HanCharsFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new HanCharsFilter(input);
    }
}
