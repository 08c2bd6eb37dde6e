package dev.blogsearch.query;

import dev.blogsearch.analysis.BlogAnalyzer;
import dev.blogsearch.analysis.HanText;
import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Turns what the reader typed into a {@link QueryPlan}:
 *
 * <ul>
 *   <li>Chinese text is cut into words with the same smartcn model as the posts, and characters smartcn leaves
 *       alone are joined to their neighbours (集 群 is the word 集群), so a question like 如何成为开源项目的贡献者
 *       looks for 成为, 开源, 项目 and 贡献者, wherever they are in a post;
 *   <li>question words (如何, 怎么, how to) are dropped when anything else is left;
 *   <li>each unit gets its synonyms (k8s, kubernetes), plural and singular forms found in the blog, and, when an
 *       English word is found nowhere, the closest word of the blog (kuberntes → kubernetes).
 * </ul>
 *
 * Thread-safe.
 */
public final class QueryPlanner {

    private static final float SYNONYM_WEIGHT = 0.9f;
    private static final float VARIANT_WEIGHT = 0.8f;
    /** A correction stands in for a typed word that matches nothing: it counts as if typed. */
    private static final float CORRECTION_WEIGHT = 1f;

    /** Fields whose terms say whether a word occurs in the blog at all. */
    private static final String[] TERM_FIELDS = {
        PostFields.BODY, PostFields.TITLE, PostFields.HEADINGS, PostFields.CODE, PostFields.TAGS
    };

    private final Synonyms synonyms;
    private final PostAnalyzer analyzer;
    private final TypoCorrector typos = new TypoCorrector(PostFields.BODY);

    public QueryPlanner(Synonyms synonyms, PostAnalyzer analyzer) {
        this.synonyms = synonyms;
        this.analyzer = analyzer;
    }

    public QueryPlan plan(UserQuery query, IndexReader reader) throws IOException {
        List<String> words = new ArrayList<>();
        List<QueryPlan.Unit> phrases = new ArrayList<>();
        for (UserQuery.Term term : query.terms()) {
            // Folded before smartcn sees it: its model only knows Simplified words (虛擬內存 is cut as 虚拟 内存 only
            // once it reads 虚拟内存); the analyzer folds the posts the same way.
            String text = TextFolding.fold(term.text());
            if (term.phrase()) {
                phrases.add(new QueryPlan.Unit(text, alternatives(text)));
            } else {
                words.addAll(splitWords(text));
            }
        }
        List<String> joined = joinSynonymPhrases(words);
        List<String> content =
                joined.stream().filter(word -> !StopWords.isStopWord(word)).toList();
        if (!content.isEmpty() || !phrases.isEmpty()) {
            joined = content;
        }
        List<QueryPlan.Unit> units = new ArrayList<>(phrases);
        List<QueryPlan.Correction> corrections = new ArrayList<>();
        for (String word : joined) {
            List<QueryPlan.Form> forms = new ArrayList<>(alternatives(word));
            if (isEnglishWord(word)) {
                String lower = word.toLowerCase(Locale.ROOT);
                for (String variant : EnglishVariants.of(lower)) {
                    boolean known = forms.stream().anyMatch(form -> form.text().equalsIgnoreCase(variant));
                    if (!known && occurs(reader, variant)) {
                        forms.add(new QueryPlan.Form(variant, VARIANT_WEIGHT, QueryPlan.Kind.VARIANT));
                    }
                }
                if (forms.size() == 1 && !occurs(reader, lower)) {
                    Optional<String> corrected = typos.correct(lower, reader);
                    if (corrected.isPresent()) {
                        // The typed form matches nothing; the correction stands in for it, first.
                        corrections.add(new QueryPlan.Correction(word, corrected.get()));
                        forms.add(0, new QueryPlan.Form(corrected.get(), CORRECTION_WEIGHT, QueryPlan.Kind.CORRECTION));
                    }
                }
            }
            units.add(new QueryPlan.Unit(word, forms));
        }
        List<QueryPlan.Unit> excluded = query.excluded().stream()
                .map(term -> new QueryPlan.Unit(
                        term.text(), List.of(new QueryPlan.Form(term.text(), 1f, QueryPlan.Kind.TYPED))))
                .toList();
        return new QueryPlan(units, excluded, query.tags(), query.categories(), corrections);
    }

    private List<QueryPlan.Form> alternatives(String text) {
        List<QueryPlan.Form> forms = new ArrayList<>();
        forms.add(new QueryPlan.Form(text, 1f, QueryPlan.Kind.TYPED));
        for (String synonym : synonyms.of(text)) {
            forms.add(new QueryPlan.Form(synonym, SYNONYM_WEIGHT, QueryPlan.Kind.SYNONYM));
        }
        return forms;
    }

    /** Consecutive words that together are a synonym ({@code message queue}) stay together as one unit. */
    private List<String> joinSynonymPhrases(List<String> words) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int taken = 1;
            for (int n = Math.min(Synonyms.MAX_WORDS, words.size() - i); n >= 2; n--) {
                String phrase = String.join(" ", words.subList(i, i + n));
                if (synonyms.contains(phrase)) {
                    taken = n;
                    break;
                }
            }
            result.add(String.join(" ", words.subList(i, i + taken)));
            i += taken;
        }
        return result;
    }

    /**
     * A white-space separated chunk as words: its Chinese runs segmented by smartcn with lone characters joined
     * to their neighbours, every other run (an English word, an identifier) whole.
     */
    private List<String> splitWords(String chunk) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < chunk.length()) {
            int start = i;
            boolean han = HanText.isHan(chunk.codePointAt(i));
            while (i < chunk.length() && HanText.isHan(chunk.codePointAt(i)) == han) {
                i += Character.charCount(chunk.codePointAt(i));
            }
            String run = chunk.substring(start, i);
            if (han) {
                words.addAll(chineseWords(run));
            } else if (!run.isBlank()) {
                words.add(run);
            }
        }
        return words;
    }

    private List<String> chineseWords(String run) {
        List<String> segmented = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(PostFields.BODY, run)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (BlogAnalyzer.CHINESE_WORD_TYPE.equals(type.type())) {
                    segmented.add(run.substring(offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Question words go first, so 的 in 项目的贡献者 does not glue 项目 to 贡献者.
        List<String> kept =
                segmented.stream().filter(word -> !StopWords.isStopWord(word)).toList();
        if (kept.isEmpty()) {
            kept = segmented;
        }
        // smartcn leaves words it does not know as single characters: 集群 comes out as 集 群, 贡献者 as 贡献 者.
        List<String> words = new ArrayList<>();
        for (String word : kept) {
            String last = words.isEmpty() ? null : words.get(words.size() - 1);
            boolean joins = last != null && (isSingle(word) || isSingle(last)) && run.contains(last + word);
            if (joins) {
                words.set(words.size() - 1, last + word);
            } else {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean isSingle(String word) {
        return word.codePointCount(0, word.length()) == 1;
    }

    private static boolean occurs(IndexReader reader, String term) throws IOException {
        for (String field : TERM_FIELDS) {
            if (reader.docFreq(new Term(field, term)) > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEnglishWord(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
