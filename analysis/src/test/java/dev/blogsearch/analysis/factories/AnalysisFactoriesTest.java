package dev.blogsearch.analysis.factories;

import dev.blogsearch.analysis.AnalysisChain;
import dev.blogsearch.analysis.BlogAnalyzer;
import dev.blogsearch.analysis.HanBigramAnalyzer;
import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.StringMockResourceLoader;
import org.apache.lucene.tests.util.TestUtil;
import org.apache.lucene.util.ResourceLoader;

/**
 * Our tokenizer, filters and fold as Lucene analysis factories, looked up by the names a Solr schema uses: the
 * chains they make cut text exactly as {@link PostAnalyzer} does (terms, offsets, positions, types), and keep
 * Lucene's token stream contract on random text (Lucene's own checks, {@link BaseTokenStreamTestCase}).
 */
public class AnalysisFactoriesTest extends BaseTokenStreamTestCase {

    /** Owner's words for the tests, in the dictionary file format. */
    private static final String DICTIONARY_FILE = "# the blog's words\n集群\n高可用\n服务网格  # in 3 titles\n云原生\n";

    private static final String[] SIMPLIFIED = {
        "集群", "高可用", "服务网格", "云原生", "虚拟内存", "负载均衡", "数据库", "的", "了", "如何", "成为", "开源", "项目", "贡献者", "内存", "锁", "栈",
        "死锁", "调用栈", "容器编排", "分布式", "一致性"
    };
    private static final String[] TRADITIONAL = {"虛擬內存", "負載均衡", "資料庫", "叢集", "雲原生", "開源項目", "後端", "髮型"};
    private static final String[] LATIN = {
        "redis", "Kubernetes", "k8s", "pg_hba.conf", "node.js", "redis-cli", "--cluster-slave", "-v", "c++", "c#",
        "HashMap", "python3", "10.0.0.1", "user@example.com", "don't", "John's", "x86_64", "ｋ８ｓ", "ＡＷＳ", "café",
        "naïve", "e\u0301", "http://example.com/a/b", "IPv6", "gRPC", "a/b/c", "1.2.3", "__init__"
    };
    private static final String[] SEPARATORS = {
        "", " ", "  ", "，", "。", "\n", "\t", "、", "(", ")", "“", "”", "`", ":", "-", "　"
    };

    private static ResourceLoader loader() {
        return new StringMockResourceLoader(DICTIONARY_FILE);
    }

    private static UserDictionary dictionary() throws IOException {
        return UserDictionary.read(List.of(new StringReader(DICTIONARY_FILE)));
    }

    /** The chain as a Solr schema names it: factories looked up by SPI name, arguments as strings. */
    private static CustomAnalyzer bySpiNames(AnalysisChain chain, ResourceLoader loader) throws IOException {
        CustomAnalyzer.Builder builder = CustomAnalyzer.builder(loader);
        for (AnalysisChain.Step step : chain.charFilters()) {
            builder.addCharFilter(step.name(), new java.util.HashMap<>(step.args()));
        }
        builder.withTokenizer(
                chain.tokenizer().name(),
                new java.util.HashMap<>(chain.tokenizer().args()));
        for (AnalysisChain.Step step : chain.filters()) {
            builder.addTokenFilter(step.name(), new java.util.HashMap<>(step.args()));
        }
        return builder.build();
    }

    public void testTheSchemaNamesFindOurFactories() {
        assertEquals(TextFoldingCharFilterFactory.class, CharFilterFactory.lookupClass("blogTextFolding"));
        assertEquals(ScriptRunTokenizerFactory.class, TokenizerFactory.lookupClass("blogScriptRun"));
        assertEquals(ChineseWordsFilterFactory.class, TokenFilterFactory.lookupClass("blogChineseWords"));
        assertEquals(HanCharsFilterFactory.class, TokenFilterFactory.lookupClass("blogHanChars"));
    }

    public void testTheDictionaryIsReadThroughTheResourceLoader() throws IOException {
        Analyzer withWords = bySpiNames(BlogAnalyzer.CHAIN, loader());
        assertAnalyzesTo(withWords, "redis集群", new String[] {"redis", "集群"});
        Analyzer withoutWords = bySpiNames(BlogAnalyzer.CHAIN, new StringMockResourceLoader(""));
        assertAnalyzesTo(withoutWords, "redis集群", new String[] {"redis", "集", "群"});
    }

    public void testTheFoldAppliesBeforeTokenizingAndOffsetsPointAtWhatWasWritten() throws IOException {
        Analyzer words = bySpiNames(BlogAnalyzer.CHAIN, loader());
        // 虛擬 is read as 虚拟, ｋ８ｓ as k8s; offsets are those of the written text.
        assertAnalyzesTo(words, "虛擬 ｋ８ｓ", new String[] {"虚拟", "k8s"}, new int[] {0, 3}, new int[] {2, 6});
    }

    public void testUnknownArgumentsAreRejected() {
        IllegalArgumentException e = expectThrows(
                IllegalArgumentException.class,
                () -> TokenFilterFactory.forName(
                        "blogChineseWords", new java.util.HashMap<>(Map.of("dictonary", "x"))));
        assertTrue(e.getMessage(), e.getMessage().contains("dictonary"));
    }

    public void testTheFactoryChainsCutRandomBlogTextExactlyAsThePostAnalyzer() throws IOException {
        PostAnalyzer post = new PostAnalyzer(dictionary());
        Analyzer words = bySpiNames(BlogAnalyzer.CHAIN, loader());
        Analyzer bigrams = bySpiNames(HanBigramAnalyzer.CHAIN, loader());
        Random random = random();
        int texts = atLeast(300);
        for (int i = 0; i < texts; i++) {
            String text = randomBlogText(random);
            assertSameTokens(post, PostFields.BODY, words, text);
            assertSameTokens(post, PostFields.TITLE_CJK, bigrams, text);
        }
    }

    public void testTheWordChainKeepsTheTokenStreamContractOnRandomText() throws IOException {
        checkRandomData(random(), bySpiNames(BlogAnalyzer.CHAIN, loader()), 200 * RANDOM_MULTIPLIER);
    }

    public void testTheBigramChainKeepsTheTokenStreamContractOnRandomText() throws IOException {
        checkRandomData(random(), bySpiNames(HanBigramAnalyzer.CHAIN, loader()), 200 * RANDOM_MULTIPLIER);
    }

    public void testTheChainsKeepTheContractOnRandomBlogText() throws IOException {
        Analyzer words = bySpiNames(BlogAnalyzer.CHAIN, loader());
        Analyzer bigrams = bySpiNames(HanBigramAnalyzer.CHAIN, loader());
        Random random = random();
        for (int i = 0; i < atLeast(100); i++) {
            String text = randomBlogText(random);
            for (Analyzer analyzer : List.of(words, bigrams)) {
                Token[] tokens = tokens(analyzer, "f", text).toArray(new Token[0]);
                // Lucene's checks of offsets, positions and the stream's life cycle, on our own expectations.
                assertAnalyzesTo(
                        analyzer,
                        text,
                        map(tokens, Token::term, String[]::new),
                        ints(tokens, Token::start),
                        ints(tokens, Token::end),
                        map(tokens, Token::type, String[]::new),
                        ints(tokens, Token::positionIncrement),
                        ints(tokens, Token::positionLength));
            }
        }
    }

    private static void assertSameTokens(Analyzer expected, String field, Analyzer actual, String text)
            throws IOException {
        Token[] tokens = tokens(expected, field, text).toArray(new Token[0]);
        assertAnalyzesTo(
                actual,
                text,
                map(tokens, Token::term, String[]::new),
                ints(tokens, Token::start),
                ints(tokens, Token::end),
                map(tokens, Token::type, String[]::new),
                ints(tokens, Token::positionIncrement),
                ints(tokens, Token::positionLength));
    }

    /** A token as the index sees it. */
    record Token(String term, int start, int end, String type, int positionIncrement, int positionLength) {}

    static List<Token> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(
                        term.toString(),
                        offset.startOffset(),
                        offset.endOffset(),
                        type.type(),
                        increment.getPositionIncrement(),
                        length.getPositionLength()));
            }
            stream.end();
        }
        return tokens;
    }

    /** Mixed Chinese (both scripts), English, code, full-width forms, punctuation and random Unicode. */
    static String randomBlogText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(16);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(10)) {
                case 0, 1 -> text.append(SIMPLIFIED[random.nextInt(SIMPLIFIED.length)]);
                case 2 -> text.append(TRADITIONAL[random.nextInt(TRADITIONAL.length)]);
                case 3, 4 -> text.append(LATIN[random.nextInt(LATIN.length)]);
                case 5 -> {
                    // Random Han characters, some outside the BMP.
                    int n = 1 + random.nextInt(6);
                    for (int c = 0; c < n; c++) {
                        text.appendCodePoint(
                                random.nextInt(8) == 0
                                        ? 0x20000 + random.nextInt(0x2A6D)
                                        : 0x4E00 + random.nextInt(0x51A0));
                    }
                }
                case 6 -> text.append(TestUtil.randomRealisticUnicodeString(random, 8));
                case 7 -> text.append(TestUtil.randomUnicodeString(random, 6));
                case 8 -> text.append(TestUtil.randomSimpleString(random, 10));
                default -> text.append(random.nextInt(100_000));
            }
            text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return text.toString();
    }

    private static <T> T[] map(
            Token[] tokens,
            java.util.function.Function<Token, String> field,
            java.util.function.IntFunction<T[]> array) {
        @SuppressWarnings("unchecked")
        T[] values = array.apply(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            @SuppressWarnings("unchecked")
            T value = (T) field.apply(tokens[i]);
            values[i] = value;
        }
        return values;
    }

    private static int[] ints(Token[] tokens, java.util.function.ToIntFunction<Token> field) {
        int[] values = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            values[i] = field.applyAsInt(tokens[i]);
        }
        return values;
    }

    /** Checks that the words in the test dictionary really are cut up without it: otherwise the test proves nothing. */
    public void testTheTestDictionaryMatters() throws IOException {
        Analyzer without = new BlogAnalyzer(UserDictionary.of(Set.of()));
        assertAnalyzesTo(without, "集群", new String[] {"集", "群"});
    }
}
