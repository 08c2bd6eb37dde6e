package dev.blogsearch.analysis.factories;

import dev.blogsearch.analysis.internal.ScriptRunTokenizer;
import java.util.Map;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;

/**
 * {@link ScriptRunTokenizer}: runs of Han characters, and English words and code identifiers kept whole.
 *
 * <pre class="prettyprint">
 * &lt;tokenizer name="blogScriptRun"/&gt;
 * </pre>
 */
public final class ScriptRunTokenizerFactory extends TokenizerFactory {

    /** SPI name. */
    public static final String NAME = "blogScriptRun";

    public ScriptRunTokenizerFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Default constructor for SPI, which only looks the class up. */
    public ScriptRunTokenizerFactory() {
        throw defaultCtorException();
    }

    @Override
    public Tokenizer create(AttributeFactory factory) {
        return new ScriptRunTokenizer(factory);
    }
}
