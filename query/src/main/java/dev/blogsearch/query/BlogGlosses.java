package dev.blogsearch.query;

import dev.blogsearch.analysis.HanText;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Term pairs a blog glosses itself: Chinese tech writers put the other language's term in parentheses beside a term,
 * {@code 熔断（circuit breaker）} or {@code Service Mesh（服务网格）}. Mined from the posts' title, headings and body as
 * the index stores them, so a Chinese query also finds posts written with the English term, and the other way round.
 * Only what the blog itself writes is used; the pairs are the same whatever is searched. Immutable and thread-safe.
 */
public final class BlogGlosses {

    /** A Chinese word's English senses, as a general glossary gives them: to tell a term's modifier from its head. */
    @FunctionalInterface
    public interface Senses {
        List<String> of(String chinese);
    }

    /** A Chinese run, then an English term in parentheses: 实现熔断（circuit breaker）. */
    static final Pattern CHINESE_THEN_ENGLISH = Pattern.compile(
            "(\\p{IsHan}{2,16})\\s?[（(]\\s*([A-Za-z][A-Za-z0-9+#./-]*(?: [A-Za-z0-9+#./-]+){0,3})\\s*[)）]");
    /** English words, then a Chinese term in parentheses: with a Service Mesh（服务网格）. */
    static final Pattern ENGLISH_THEN_CHINESE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+#.-]*(?: [A-Za-z][A-Za-z0-9+#.-]*){0,5})\\s?[（(]\\s*(\\p{IsHan}{2,10})\\s*[)）]");

    private static final int FULL_WIDTH_FIRST = '！';
    private static final int FULL_WIDTH_LAST = '～';
    private static final int FULL_WIDTH_OFFSET = '！' - '!';

    /** More Chinese characters than the Chinese term before a gloss can have (16). */
    private static final int MAX_HAN_BEFORE = 17;
    /** More spaces than the English words before a gloss can have between them and before it (6). */
    private static final int MAX_SPACES_BEFORE = 7;

    /** The most Chinese words a glossed term spans: 未知 单播 泛洪. */
    private static final int MAX_WORDS = 3;
    /** The longest Chinese term taken from before a gloss: longer ones are a clause, not a term. */
    private static final int MAX_CHINESE_LENGTH = 6;

    private static final String[] FIELDS = {PostFields.TITLE, PostFields.HEADINGS, PostFields.BODY};

    /**
     * A Chinese word in more than this share of the blog's posts (and in more than {@link #COMMON_POSTS}) is a
     * common word, not a term: 存储 (storage) in 93 of ArthurChiao's 234 posts, 熔断 in 3.
     */
    private static final double COMMON_SHARE = 0.1;

    private static final int COMMON_POSTS = 5;

    private final Map<String, Set<String>> englishOf;
    /** The general glossary's senses of a Chinese word, which tell whether a gloss names the word itself. */
    private Senses senses = chinese -> List.of();
    /** For each English term, each Chinese term glossed with it and in how many posts. */
    private final Map<String, Map<String, Integer>> chineseOf;
    /** While a post's pairs are recorded: each pair once, as Chinese tab English, in the order found. */
    private Set<String> sequence;
    /** The posts the pairs were read from, and how many of them have each Chinese term as a word (0: not known). */
    private int posts;

    private final Map<String, Integer> postsWith = new TreeMap<>();

    private BlogGlosses(Map<String, Set<String>> englishOf, Map<String, Map<String, Integer>> chineseOf) {
        this.englishOf = englishOf;
        this.chineseOf = chineseOf;
    }

    /** The same pairs, knowing how many posts the blog has and how many have each Chinese term: for tests. */
    BlogGlosses withPostCounts(int posts, Map<String, Integer> postsWith) {
        this.posts = posts;
        this.postsWith.putAll(postsWith);
        return this;
    }

    static BlogGlosses none() {
        return new BlogGlosses(Map.of(), Map.of());
    }

    /**
     * The pairs of every post of {@code reader}. {@code words} cuts Chinese text into words as queries are cut: the
     * Chinese term of a pair is the last words of the run before the parentheses, as many as make a word of a query
     * (实现熔断 gives 熔断 and 实现熔断), never a piece of a word.
     */
    public static BlogGlosses mine(IndexReader reader, Function<String, List<String>> words, Senses senses)
            throws IOException {
        List<BlogGlosses> segments = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            segments.add(mine(leaf.reader(), words, senses));
        }
        return union(segments);
    }

    /**
     * The pairs of the posts of one segment that are live now: those recorded when they were indexed
     * ({@link PostFields#GLOSSES}), or, in a segment written without them, mined from the posts' text.
     */
    public static BlogGlosses mine(LeafReader segment, Function<String, List<String>> words, Senses senses)
            throws IOException {
        FieldInfo recorded = segment.getFieldInfos().fieldInfo(PostFields.GLOSSES);
        BlogGlosses glosses = recorded != null && recorded.getDocValuesType() == DocValuesType.BINARY
                ? recorded(segment)
                : stored(segment, words, senses);
        glosses.posts = segment.numDocs();
        glosses.senses = senses;
        // Every Chinese term glossed is a key of englishOf: looked up in their order with one terms enum, which
        // goes on from where the previous term left it rather than from the start of the field's terms.
        TermsEnum bodyWords = termsOf(segment, PostFields.BODY);
        TermsEnum pairs = termsOf(segment, PostFields.BODY_CJK);
        for (String zh : glosses.englishOf.keySet()) {
            BytesRef term = new BytesRef(zh);
            int with = bodyWords != null && bodyWords.seekExact(term) ? bodyWords.docFreq() : 0;
            // Two characters the word analysis keeps apart are counted as the character pair the bigram field
            // holds: 地说 of 毫不客气地说（ma）is the words 地 and 说, yet its pair is in most posts written in
            // Chinese, a common phrase, not a term.
            if (with == 0 && pairs != null && zh.codePointCount(0, zh.length()) == 2 && pairs.seekExact(term)) {
                with = pairs.docFreq();
            }
            glosses.postsWith.put(zh, with);
        }
        return glosses;
    }

    private static TermsEnum termsOf(LeafReader segment, String field) throws IOException {
        Terms terms = segment.terms(field);
        return terms == null ? null : terms.iterator();
    }

    /** Mined from the posts' stored text, each post's pairs once, as {@link #record} records them. */
    private static BlogGlosses stored(LeafReader segment, Function<String, List<String>> words, Senses senses)
            throws IOException {
        BlogGlosses glosses = new BlogGlosses(new TreeMap<>(), new TreeMap<>());
        Set<String> fields = Set.of(FIELDS);
        Bits live = segment.getLiveDocs();
        StoredFields stored = segment.storedFields();
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            Document document = stored.document(doc, fields);
            BlogGlosses post = new BlogGlosses(new TreeMap<>(), new TreeMap<>());
            post.sequence = new LinkedHashSet<>();
            for (IndexableField field : document.getFields()) {
                String text = field.stringValue();
                if (text != null) {
                    post.read(text, words, senses);
                }
            }
            for (String pair : post.sequence) {
                int tab = pair.indexOf('\t');
                glosses.add(pair.substring(0, tab), pair.substring(tab + 1));
            }
        }
        return glosses;
    }

    /**
     * The pairs a post glosses, as {@link PostFields#GLOSSES} records them: those of its stored title, headings and
     * body, in the order of its fields and of the text, each once. Reading them back for every post of a segment
     * adds the pairs in the order mining the segment's stored text would, so the glosses are the same.
     */
    public static BytesRef record(
            Iterable<? extends IndexableField> post, Function<String, List<String>> words, Senses senses) {
        BlogGlosses glosses = new BlogGlosses(new TreeMap<>(), new TreeMap<>());
        glosses.sequence = new LinkedHashSet<>();
        Set<String> fields = Set.of(FIELDS);
        for (IndexableField field : post) {
            if (field.fieldType().stored() && fields.contains(field.name()) && field.stringValue() != null) {
                glosses.read(field.stringValue(), words, senses);
            }
        }
        return new BytesRef(String.join("\n", glosses.sequence));
    }

    private static BlogGlosses recorded(LeafReader segment) throws IOException {
        BlogGlosses glosses = new BlogGlosses(new TreeMap<>(), new TreeMap<>());
        BinaryDocValues values = segment.getBinaryDocValues(PostFields.GLOSSES);
        Bits live = segment.getLiveDocs();
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            BytesRef bytes = values.binaryValue();
            if (bytes.length == 0) {
                continue;
            }
            for (String pair : bytes.utf8ToString().split("\n")) {
                int tab = pair.indexOf('\t');
                glosses.add(pair.substring(0, tab), pair.substring(tab + 1));
            }
        }
        return glosses;
    }

    /** Every pair of any of {@code parts}, in their order: the one part itself when there is one. */
    public static BlogGlosses union(List<BlogGlosses> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        BlogGlosses all = new BlogGlosses(new TreeMap<>(), new TreeMap<>());
        for (BlogGlosses part : parts) {
            part.englishOf.forEach((zh, english) -> english.forEach(en -> all.englishOf
                    .computeIfAbsent(zh, key -> new LinkedHashSet<>())
                    .add(en)));
            part.chineseOf.forEach((en, chinese) -> chinese.forEach((zh, count) -> all.chineseOf
                    .computeIfAbsent(en, key -> new LinkedHashMap<>())
                    .merge(zh, count, Integer::sum)));
            all.posts += part.posts;
            all.senses = part.senses;
            part.postsWith.forEach((zh, count) -> all.postsWith.merge(zh, count, Integer::sum));
        }
        return all;
    }

    /** The pairs of one text, knowing no word's senses: for tests. */
    static BlogGlosses of(String text, Function<String, List<String>> words) {
        return of(text, words, word -> List.of());
    }

    /** The pairs of one text. */
    static BlogGlosses of(String text, Function<String, List<String>> words, Senses senses) {
        BlogGlosses glosses = new BlogGlosses(new TreeMap<>(), new TreeMap<>());
        glosses.senses = senses;
        glosses.read(text, words, senses);
        return glosses;
    }

    /**
     * The pairs glossed in {@code text}, as the patterns find them in its folded form. Every gloss is in parentheses,
     * and a match of either pattern holds exactly one opening parenthesis, with at most {@link #MAX_HAN_BEFORE}
     * Chinese characters or {@link #MAX_SPACES_BEFORE} spaces before it; so only the few characters around each
     * opening parenthesis are folded and searched, rather than folding the whole text and trying the patterns at
     * every character of it, which made mining most of the work of opening a large index. A window starts early
     * enough to hold the match the patterns would find in the whole folded text (folding maps a character to one
     * character: full width to ASCII, 繁 to 简), so the pairs are the same.
     */
    private void read(String text, Function<String, List<String>> words, Senses senses) {
        for (int open = nextOpening(text, 0); open >= 0; open = nextOpening(text, open + 1)) {
            int close = nextClosing(text, open + 1);
            if (close < 0) {
                return; // nor after a later opening parenthesis
            }
            if (!mayGloss(text, open)) {
                continue; // a Markdown link's (url), a call's (arguments): most parentheses of a post
            }
            String window = TextFolding.fold(text.substring(windowStart(text, open), close + 1));
            readChineseThenEnglish(CHINESE_THEN_ENGLISH.matcher(window), words, senses);
            readEnglishThenChinese(ENGLISH_THEN_CHINESE.matcher(window), words);
        }
    }

    private void readChineseThenEnglish(Matcher zh, Function<String, List<String>> words, Senses senses) {
        while (zh.find()) {
            String english = withoutLeadingFunctionWords(TextFolding.key(zh.group(2)));
            if (!hasLetters(english)) {
                continue;
            }
            List<String> run = words.apply(zh.group(1));
            StringBuilder term = new StringBuilder();
            for (int n = 1; n <= Math.min(MAX_WORDS, run.size()); n++) {
                term.insert(0, run.get(run.size() - n));
                int length = term.codePointCount(0, term.length());
                if (length > MAX_CHINESE_LENGTH) {
                    break;
                }
                if (length >= 2) {
                    String before = n < run.size() ? run.get(run.size() - n - 1) : null;
                    add(term.toString(), withoutModifier(english, before, senses));
                }
            }
        }
    }

    /**
     * The English a Chinese term stands for when the word {@code before} it is the English's first word: 路由策略（routing
     * policy）makes 策略 policy, not routing policy, because 路由 is route. The term with that word (路由策略) keeps the
     * whole English. Without it, every head word of the blog's terms would stand for each whole term: 策略 for routing
     * policy, macro policy and network policy, 网络 for every kind of network glossed.
     */
    private static String withoutModifier(String english, String before, Senses senses) {
        int space = english.indexOf(' ');
        if (before == null || space < 0) {
            return english;
        }
        return isSense(english.substring(0, space), before, senses) ? english.substring(space + 1) : english;
    }

    /** Whether an English word is, in some form, one of a Chinese word's one-word senses (存储: storage, for store). */
    private static boolean isSense(String english, String chinese, Senses senses) {
        return english.indexOf(' ') < 0
                && senses.of(chinese).stream()
                        .anyMatch(sense -> sense.indexOf(' ') < 0 && sameStem(TextFolding.key(sense), english));
    }

    /**
     * Whether two English words are one word in other forms: they differ at most in their last letter past a common
     * beginning of three letters or more (route, routing; supervise, supervised; domain, domain-based; map, maps).
     */
    static boolean sameStem(String a, String b) {
        int common = 0;
        while (common < a.length() && common < b.length() && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= 3 && common >= Math.min(a.length(), b.length()) - 1;
    }

    private void readEnglishThenChinese(Matcher en, Function<String, List<String>> words) {
        while (en.find()) {
            String chinese = en.group(2);
            // As many English words as the Chinese term has words, or has pairs of characters when the dictionary
            // keeps it whole: Service Mesh for 服务网格, not 'with a Service Mesh'.
            int count =
                    Math.max(1, Math.max(words.apply(chinese).size(), chinese.codePointCount(0, chinese.length()) / 2));
            String[] latin = TextFolding.key(en.group(1)).split(" ");
            if (latin.length < count) {
                continue;
            }
            String english = withoutLeadingFunctionWords(
                    String.join(" ", List.of(latin).subList(latin.length - count, latin.length)));
            if (hasLetters(english)) {
                add(chinese, english);
            }
        }
    }

    /**
     * Whether a gloss can be at the parenthesis {@code open}: just before it (or before one space) a Chinese term's
     * last character and a Latin letter first inside it, or an English term's last character and a Chinese one
     * inside. A Chinese aside in Chinese text （比如…） is neither. Checked on the unfolded text, full width read as
     * ASCII.
     */
    private static boolean mayGloss(String text, int open) {
        int before = open;
        if (before > 0 && isPatternSpace(text.charAt(before - 1))) {
            before--;
        }
        if (before == 0) {
            return false;
        }
        int last = ascii(text.codePointBefore(before));
        int after = open + 1;
        while (after < text.length() && isPatternSpace(text.charAt(after))) {
            after++;
        }
        if (after == text.length()) {
            return false;
        }
        int first = ascii(text.codePointAt(after));
        boolean hanBefore = HanText.isHan(last);
        boolean hanFirst = HanText.isHan(first);
        boolean latinFirst = first < 128 && Character.isLetter(first);
        return (hanBefore && latinFirst) || (isTermChar(last) && hanFirst);
    }

    /** White space as the patterns' {@code \s} reads it. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A character of a term the patterns take: ASCII letters, digits and {@code + # . / -}. */
    private static boolean isTermChar(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "+#./-".indexOf(c) >= 0);
    }

    /** Full-width ASCII as the ASCII it is folded to. */
    private static int ascii(int c) {
        return c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? c - FULL_WIDTH_OFFSET : c;
    }

    private static int nextOpening(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '（') {
                return i;
            }
        }
        return -1;
    }

    private static int nextClosing(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ')' || c == '）') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a match ending in the parenthesis at {@code open} can start at the earliest: back over the characters
     * the patterns' terms are made of, until more Chinese characters or spaces than a term before a gloss can hold.
     */
    private static int windowStart(String text, int open) {
        int start = open;
        int spaces = 0;
        int han = 0;
        while (start > 0) {
            int raw = text.codePointBefore(start);
            int c = ascii(raw);
            if (Character.isWhitespace(c)) {
                if (++spaces > MAX_SPACES_BEFORE) {
                    break;
                }
            } else if (HanText.isHan(c)) {
                if (++han > MAX_HAN_BEFORE) {
                    break;
                }
            } else if (!isTermChar(c)) {
                break;
            }
            start -= Character.charCount(raw);
        }
        return start;
    }

    private void add(String chinese, String english) {
        String zh = TextFolding.key(chinese);
        if (sequence != null) {
            sequence.add(zh + '\t' + english);
        }
        englishOf.computeIfAbsent(zh, key -> new LinkedHashSet<>()).add(english);
        chineseOf.computeIfAbsent(english, key -> new LinkedHashMap<>()).merge(zh, 1, Integer::sum);
    }

    /**
     * The English of a gloss without the function words it begins with, which belong to the sentence, not the term:
     * 下一跳（the next hop）is next hop, 丢弃（or dropping）dropping, 加密（and encryption）encryption. A gloss that is
     * nothing but function words stays as it is.
     */
    static String withoutLeadingFunctionWords(String english) {
        int start = 0;
        while (true) {
            int space = english.indexOf(' ', start);
            if (space < 0 || !StopWords.isStopWord(english.substring(start, space))) {
                return english.substring(start);
            }
            start = space + 1;
        }
    }

    private static boolean hasLetters(String english) {
        long letters = english.chars().filter(Character::isLetter).count();
        return letters >= 2;
    }

    /**
     * The English terms the blog glosses a Chinese word with, where the word is the term a gloss names: the one
     * {@link #chinese} chooses, or any word the English is one of the glossary's senses of. 持久存储 is a BPF map,
     * 存储 is not, though it ends 内核持久存储（BPF map）; 存储 is storage, whichever cut the blog glosses storage
     * with most. A common word would otherwise stand for the English of every longer term ending in it, and find
     * posts about each.
     */
    public List<String> english(String chinese) {
        String zh = TextFolding.key(chinese);
        return englishOf.getOrDefault(zh, Collections.emptySet()).stream()
                .filter(en -> isSense(en, zh, senses) || chinese(en).contains(zh))
                .toList();
    }

    /**
     * The Chinese terms the blog glosses an English term with. A gloss after a Chinese run gives the run's last words
     * in several lengths ({@code 内核持久存储（BPF map）}: 存储, 持久存储, 内核持久存储), of which only one is the
     * term: of the lengths that end alike, the one the blog glosses the term with in the most posts, the shortest of
     * those ({@code 熔断} from 实现熔断（circuit breaker）), unless it is a common word of the blog and a longer one is
     * not ({@code 持久存储}, not {@code 存储}, storage, which would find posts about anything stored).
     */
    public List<String> chinese(String english) {
        Map<String, Integer> counts = chineseOf.getOrDefault(TextFolding.key(english), Collections.emptyMap());
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(entry -> entry.getKey().length()));
        List<String> chosen = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : ranked) {
            String zh = entry.getKey();
            boolean taken = chosen.stream().anyMatch(other -> other.endsWith(zh) || zh.endsWith(other));
            boolean narrower = counts.keySet().stream()
                    .anyMatch(other -> other.length() > zh.length() && other.endsWith(zh) && !isCommon(other));
            if (!taken && !(isCommon(zh) && narrower)) {
                chosen.add(zh);
            }
        }
        return List.copyOf(chosen);
    }

    private boolean isCommon(String chinese) {
        int with = postsWith.getOrDefault(chinese, 0);
        return with > COMMON_POSTS && with > posts * COMMON_SHARE;
    }

    /**
     * The pairs a query searches, Chinese then English, in Chinese order: each English term with the Chinese term it
     * names ({@link #english}), not every cut of the run before it. For an owner to review.
     */
    public List<Map.Entry<String, String>> pairsInUse() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        englishOf.keySet().forEach(zh -> english(zh).forEach(en -> pairs.add(Map.entry(zh, en))));
        return pairs;
    }

    /** Every pair mined, Chinese then English, in Chinese order, each cut of a Chinese run before a gloss included. */
    public List<Map.Entry<String, String>> pairs() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        englishOf.forEach((zh, english) -> english.forEach(en -> pairs.add(Map.entry(zh, en))));
        return pairs;
    }
}
