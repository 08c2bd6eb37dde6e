package dev.blogsearch.solr;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.analysis.factories.ChineseWordsFilterFactory;
import dev.blogsearch.highlight.ExcerptBuilder;
import dev.blogsearch.query.PostQueryBuilder;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.solr.analysis.TokenizerChain;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.core.SolrResourceLoader;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * {@code {!blogsearch}}: what a reader typed, understood and turned into a Lucene query by the same code as the
 * service's ({@link QueryPlanner}, {@link PostQueryBuilder}): synonyms, plural forms, typo corrections, phrases,
 * exclusions, {@code tag:} and {@code category:}. See {@link BlogQParser} for the parameters.
 *
 * <p>Configured in {@code solrconfig.xml}:
 *
 * <pre>
 * &lt;queryParser name="blogsearch" class="dev.blogsearch.solr.BlogQParserPlugin"&gt;
 *   &lt;str name="synonyms"&gt;synonyms.txt&lt;/str&gt;   (optional: the owner's groups, added to the built-in list)
 * &lt;/queryParser&gt;
 * </pre>
 *
 * The words kept whole are the schema's: the {@code blogChineseWords} filter of the {@code body} field's analysis.
 * Thread-safe; one instance per core.
 */
public final class BlogQParserPlugin extends QParserPlugin {

    /** The name the parser is registered under in our configset. */
    public static final String NAME = "blogsearch";

    private String synonymsResource;
    private volatile Understanding understanding;

    /**
     * The planner, builder and excerpt builder of one schema (a core reload makes a new plugin, and so new ones); the
     * excerpts serve {@link BlogHighlighter}.
     */
    record Understanding(IndexSchema schema, QueryPlanner planner, PostQueryBuilder builder, ExcerptBuilder excerpts) {}

    @Override
    public void init(NamedList<?> args) {
        super.init(args);
        Object synonyms = args == null ? null : args.get("synonyms");
        synonymsResource = synonyms == null ? null : synonyms.toString();
    }

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new BlogQParser(qstr, localParams, params, req, understanding(req));
    }

    /** The core's {@code {!blogsearch}} plugin, as {@code solrconfig.xml} registers it. */
    static BlogQParserPlugin of(SolrQueryRequest req) {
        if (req.getCore().getQueryPlugin(NAME) instanceof BlogQParserPlugin plugin) {
            return plugin;
        }
        throw new SolrException(
                SolrException.ErrorCode.SERVER_ERROR,
                "solrconfig.xml registers no queryParser " + NAME + " of class " + BlogQParserPlugin.class.getName());
    }

    Understanding understanding(SolrQueryRequest req) {
        IndexSchema schema = req.getSchema();
        Understanding current = understanding;
        if (current != null && current.schema() == schema) {
            return current;
        }
        synchronized (this) {
            if (understanding == null || understanding.schema() != schema) {
                PostAnalyzer analyzer = new PostAnalyzer(dictionaryOf(schema));
                Synonyms synonyms = synonyms(req.getCore().getResourceLoader());
                understanding = new Understanding(
                        schema,
                        new QueryPlanner(synonyms, analyzer),
                        new PostQueryBuilder(analyzer),
                        new ExcerptBuilder(analyzer));
            }
            return understanding;
        }
    }

    /** The words the schema's analysis keeps whole, so queries are cut as the posts were. */
    static UserDictionary dictionaryOf(IndexSchema schema) {
        if (!schema.hasExplicitField(PostFields.BODY)) {
            throw notOurSchema(schema, "it has no " + PostFields.BODY + " field");
        }
        Analyzer analyzer = schema.getField(PostFields.BODY).getType().getIndexAnalyzer();
        if (analyzer instanceof TokenizerChain chain) {
            for (TokenFilterFactory filter : chain.getTokenFilterFactories()) {
                if (filter instanceof ChineseWordsFilterFactory words) {
                    return words.dictionary();
                }
            }
        }
        throw notOurSchema(
                schema, "its " + PostFields.BODY + " field is not analysed by " + ChineseWordsFilterFactory.NAME);
    }

    private static SolrException notOurSchema(IndexSchema schema, String why) {
        return new SolrException(
                SolrException.ErrorCode.SERVER_ERROR,
                "{!" + NAME + "} needs the blogsearch configset's schema, but " + schema.getResourceName() + " is not: "
                        + why);
    }

    private Synonyms synonyms(SolrResourceLoader loader) {
        if (synonymsResource == null) {
            return Synonyms.builtIn();
        }
        try (InputStream in = loader.openResource(synonymsResource);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Synonyms.read(reader);
        } catch (IOException e) {
            throw new SolrException(
                    SolrException.ErrorCode.SERVER_ERROR,
                    "cannot read the synonyms " + synonymsResource + ": " + e.getMessage(),
                    e);
        }
    }
}
