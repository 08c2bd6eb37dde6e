package dev.blogsearch.api.suggest;

import dev.blogsearch.analysis.HanText;
import dev.blogsearch.query.StopWords;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Reads the phrases worth completing from an open index: tags, phrases of one to three words from each title
 * (starting at every word, so {@code 虚拟} finds {@code 虚拟内存} in the middle of a title), whole titles, and the
 * words of the posts' prose that at least two posts use.
 *
 * <p>Weights: a tag counts {@value #TAG_WEIGHT} per post, a title phrase {@value #TITLE_WEIGHT} per title, a
 * prose word its document frequency but less than one title: what the author chose to name things wins over what
 * the text merely mentions (or {@code does} would outrank {@code Docker}), and prose words fill in the rest.
 */
final class CompletionSource {

    static final int TAG_WEIGHT = 6;
    static final int TITLE_WEIGHT = 3;
    private static final int MAX_TITLE_PHRASE_WORDS = 3;
    static final int MIN_PROSE_DOC_FREQ = 2;

    /** Punctuation between title words ends a phrase: {@code Redis、etcd} and {@code 全景：从} complete nothing. */
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}\\s._+#-]");

    private final Analyzer analyzer;

    CompletionSource(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Completions read(IndexReader reader) throws IOException {
        Completions.Builder builder = new Completions.Builder();
        StoredFields stored = reader.storedFields();
        Set<String> fields = Set.of(PostFields.TITLE, PostFields.TAGS);
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            // The index is rebuilt whole, so it has no deleted documents worth checking for.
            var document = stored.document(doc, fields);
            addPost(builder, document.get(PostFields.TITLE), List.of(document.getValues(PostFields.TAGS)));
        }
        Terms prose = MultiTerms.getTerms(reader, PostFields.BODY);
        if (prose != null) {
            TermsEnum terms = prose.iterator();
            for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                if (terms.docFreq() >= MIN_PROSE_DOC_FREQ) {
                    addProseWord(builder, term.utf8ToString(), terms.docFreq());
                }
            }
        }
        return builder.build();
    }

    /** A post's tags, its whole title and its title's phrases. */
    void addPost(Completions.Builder builder, String title, List<String> tags) {
        for (String tag : tags) {
            builder.add(tag, TAG_WEIGHT);
        }
        if (title != null) {
            List<int[]> words = words(title);
            String whole = wholeTitle(title, words);
            if (!whole.isEmpty()) {
                builder.add(whole, 1);
            }
            for (String phrase : titlePhrases(title, words)) {
                builder.add(phrase, TITLE_WEIGHT);
            }
        }
    }

    /** A word of the posts' prose that {@code posts} posts use ({@value #MIN_PROSE_DOC_FREQ} or more). */
    void addProseWord(Completions.Builder builder, String word, long posts) {
        if (!StopWords.isStopWord(word)) {
            builder.addWeight(word, Math.min(posts, TITLE_WEIGHT - 1));
        }
    }

    /** Runs of one to three consecutive title words, cut from the title as written (its spaces kept). */
    List<String> titlePhrases(String title) {
        return titlePhrases(title, words(title));
    }

    /**
     * Runs of one to three consecutive title words that begin and end with a word about something: a completion
     * never ends in a particle or a question word ({@code Kubernetes 的}, {@code 如何}), never spans punctuation
     * ({@code Redis、etcd}) and never stops inside a Chinese word.
     */
    private static List<String> titlePhrases(String title, List<int[]> words) {
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (isFunctionWord(title, words.get(i))) {
                continue;
            }
            for (int j = i; j < Math.min(words.size(), i + MAX_TITLE_PHRASE_WORDS); j++) {
                int start = words.get(i)[0];
                int end = words.get(j)[1];
                String phrase = title.substring(start, end);
                if (!PUNCTUATION.matcher(phrase).find()
                        && !endsInsideHanWord(title, words.get(j))
                        && !isFunctionWord(title, words.get(j))) {
                    phrases.add(phrase);
                }
            }
        }
        return phrases;
    }

    /**
     * The title as a completion: up to its last word about something, so {@code 你的时间都去哪儿了？} completes to
     * {@code 你的时间都去哪儿}, without the particle and the question mark.
     */
    private static String wholeTitle(String title, List<int[]> words) {
        for (int j = words.size() - 1; j >= 0; j--) {
            if (!isFunctionWord(title, words.get(j)) && !endsInsideHanWord(title, words.get(j))) {
                return title.substring(0, words.get(j)[1]).strip();
            }
        }
        return "";
    }

    /** The title's words, as start and end offsets: whole identifiers, not their parts. */
    private List<int[]> words(String title) {
        List<int[]> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(PostFields.TITLE, title)) {
            OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int lastEnd = -1;
            while (tokens.incrementToken()) {
                // Identifier parts (pg, hba of pg_hba) overlap the whole identifier: keep only the outer words.
                if (offsets.startOffset() >= lastEnd) {
                    words.add(new int[] {offsets.startOffset(), offsets.endOffset()});
                    lastEnd = offsets.endOffset();
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static boolean isFunctionWord(String title, int[] word) {
        return StopWords.isStopWord(title.substring(word[0], word[1]));
    }

    /**
     * Whether a phrase ending with this word would stop in the middle of a Chinese word: smartcn cuts words it
     * does not know into single characters ({@code 搭 建}), and {@code Redis 集群搭} is no completion anyone wants.
     */
    private static boolean endsInsideHanWord(String title, int[] lastWord) {
        String word = title.substring(lastWord[0], lastWord[1]);
        return word.codePointCount(0, word.length()) == 1
                && HanText.isHan(word.codePointAt(0))
                && lastWord[1] < title.length()
                && HanText.isHan(title.codePointAt(lastWord[1]));
    }
}
