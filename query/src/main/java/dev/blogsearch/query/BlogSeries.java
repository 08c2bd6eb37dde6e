package dev.blogsearch.query;

import dev.blogsearch.analysis.HanText;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.schema.FacetLabels;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * The series of posts a blog has, found in the blog itself: posts that share a tag or category and whose titles (or
 * file names) begin alike and then go on with a part marker ({@code OVS Deep Dive 1: …}, {@code BPF 进阶笔记（二）：…},
 * {@code 时间管理系列之一}, {@code …-part3-metrics}, {@code f1-drive-to-survive-s01e02}), and the posts of a term of
 * a Hugo {@code series} taxonomy. A series' posts are in reading order: oldest first, then by the numbers in their
 * file names. Immutable and thread-safe.
 */
public final class BlogSeries {

    /** The Hugo taxonomy whose terms name series outright. */
    public static final String SERIES_TAXONOMY = "series";

    /**
     * How much a shared beginning must hold to name a series rather than a genre: Chinese characters count one,
     * Latin words two ({@code OVS Deep Dive}, {@code 时间管理系列}, {@code TiDB Hackathon}; not {@code Go 语言中} nor
     * {@code Cilium}).
     */
    private static final int MIN_PREFIX_WEIGHT = 4;

    /** A series has at most this many posts: more sharing a beginning are a column, not a series. */
    private static final int MAX_MEMBERS = 30;

    /** Titles compared with this many following ones in sorted order (a series' titles sort together). */
    private static final int NEIGHBOURS = 4;

    /**
     * What a part's own words can follow: a shared beginning that ends in 之 or an opening bracket
     * ({@code Drone 源码分析之…}), or a title that goes on from the overview's with 之, a dash or a colon
     * ({@code 习惯养成记-序}, {@code logkit 进阶玩法之 Grok…}). A colon at the end of a shared beginning is no such
     * sign: {@code Guest Post:} begins many unrelated posts.
     */
    private static final String OPENING_DELIMITERS = "之（(";

    private static final String CONTINUING_DELIMITERS = "之:：-—–";

    /**
     * One series.
     *
     * @param name   what the posts' titles share, or the taxonomy's term
     * @param ids    the posts' ids in reading order, the first (the overview or part one) first
     * @param titles the posts' titles, folded and lower-cased, in the same order
     */
    public record Series(String name, List<String> ids, List<String> titles) {
        public Series {
            ids = List.copyOf(ids);
            titles = List.copyOf(titles);
        }

        public String first() {
            return ids.get(0);
        }
    }

    /**
     * What detecting a post's series needs of it.
     *
     * @param labels      its tags' and categories' keys and their words, each once, in order ({@link #labels})
     * @param seriesTerms its {@link #SERIES_TAXONOMY} terms as written, one per key, in the order of their keys
     * @param date        {@link PostFields#DATE}, {@link Long#MIN_VALUE} without one
     */
    public record Post(String id, String title, List<String> labels, List<String> seriesTerms, long date) {

        /**
         * A post by its values as written (stored): tags, categories and the {@link #SERIES_TAXONOMY} taxonomy's
         * terms, each taken by its key as its facet labels are ({@link FacetLabels}): a key once, with its first
         * spelling, an empty key not at all.
         */
        public static Post of(
                String id,
                String title,
                Iterable<String> tags,
                Iterable<String> categories,
                Iterable<String> seriesTerms,
                long date) {
            Set<String> labels = new TreeSet<>();
            for (Iterable<String> values : List.of(tags, categories)) {
                values.forEach(value -> labels.add(TextFolding.key(value)));
            }
            Map<String, String> terms = new TreeMap<>();
            seriesTerms.forEach(term -> terms.putIfAbsent(TextFolding.key(term), term.strip()));
            return byKeys(id, title, labels, terms, date);
        }

        /** A post by the keys of its labels, and its series terms' spellings by key. */
        static Post byKeys(String id, String title, Set<String> labelKeys, Map<String, String> seriesTerms, long date) {
            labelKeys.remove("");
            seriesTerms.remove("");
            return new Post(
                    id == null ? "" : id,
                    title == null ? "" : title,
                    BlogSeries.labels(labelKeys),
                    List.copyOf(seriesTerms.values()),
                    date);
        }
    }

    /** The stored fields a {@link Post} is made of. */
    public static final List<String> POST_FIELDS = List.of(
            PostFields.ID,
            PostFields.TITLE,
            PostFields.TAGS,
            PostFields.CATEGORIES,
            PostFields.taxonomyField(SERIES_TAXONOMY),
            PostFields.DATE);

    private final Map<String, Series> seriesOf;

    /** The posts of each segment of the reader these series were found in, which the next reader may share. */
    private final Map<IndexReader.CacheKey, List<Post>> segments;

    private BlogSeries(Map<String, Series> seriesOf, Map<IndexReader.CacheKey, List<Post>> segments) {
        this.seriesOf = seriesOf;
        this.segments = segments;
    }

    /** The series of the live posts of {@code reader}, every post read. */
    public static BlogSeries of(IndexReader reader) throws IOException {
        return of(reader, null);
    }

    /**
     * The series of the live posts of {@code reader}, for a reader opened after the one {@code previous} was found
     * in (or {@code null}): the posts of the segments both readers share are taken from it, not read again, so a
     * reader reopened after a few posts changed reads only their segments.
     */
    public static BlogSeries of(IndexReader reader, BlogSeries previous) throws IOException {
        Map<IndexReader.CacheKey, List<Post>> segments = new HashMap<>();
        List<Post> posts = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
            List<Post> segment = helper == null || previous == null ? null : previous.segments.get(helper.getKey());
            if (segment == null) {
                segment = segmentPosts(leaf.reader());
            }
            if (helper != null) {
                segments.put(helper.getKey(), segment);
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < segment.size(); doc++) {
                if (live == null || live.get(doc)) {
                    posts.add(segment.get(doc));
                }
            }
        }
        return new BlogSeries(detect(posts).seriesOf, segments);
    }

    /**
     * Every post of a segment, deleted ones too (the live ones change from reader to reader), by doc id: read from
     * doc values, the id's, the title's, the labels' facets ({@link FacetLabels}) and the date's, which a segment
     * keeps apart from the stored text. Reading the stored title and labels would decompress every post's stored
     * body as well, most of the work of opening a large index; only a segment written without the ids' doc values
     * (an older index, served as it is without a content folder to rebuild it from) is read so.
     */
    static List<Post> segmentPosts(LeafReader segment) throws IOException {
        FieldInfo idInfo = segment.getFieldInfos().fieldInfo(PostFields.ID);
        if (idInfo == null || idInfo.getDocValuesType() != DocValuesType.SORTED) {
            return storedPosts(segment);
        }
        SortedDocValues ids = DocValues.getSorted(segment, PostFields.ID);
        BinaryDocValues titles = DocValues.getBinary(segment, PostFields.TITLE);
        FacetKeys tags = new FacetKeys(segment, PostFields.TAG_FACET);
        FacetKeys categories = new FacetKeys(segment, PostFields.CATEGORY_FACET);
        FacetKeys series = new FacetKeys(segment, PostFields.taxonomyFacetField(SERIES_TAXONOMY));
        NumericDocValues dates = DocValues.getNumeric(segment, PostFields.DATE);
        List<Post> posts = new ArrayList<>(segment.maxDoc());
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
            Set<String> labels = new TreeSet<>();
            tags.forEach(doc, label -> labels.add(label.key()));
            categories.forEach(doc, label -> labels.add(label.key()));
            Map<String, String> terms = new TreeMap<>();
            series.forEach(doc, label -> terms.putIfAbsent(label.key(), label.spelling()));
            posts.add(Post.byKeys(
                    ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : null,
                    titles.advanceExact(doc) ? titles.binaryValue().utf8ToString() : null,
                    labels,
                    terms,
                    dates.advanceExact(doc) ? dates.longValue() : Long.MIN_VALUE));
        }
        return List.copyOf(posts);
    }

    /** Every post of a segment from its stored values. */
    private static List<Post> storedPosts(LeafReader segment) throws IOException {
        String seriesField = PostFields.taxonomyField(SERIES_TAXONOMY);
        Set<String> fields =
                Set.of(PostFields.ID, PostFields.TITLE, PostFields.TAGS, PostFields.CATEGORIES, seriesField);
        StoredFields stored = segment.storedFields();
        NumericDocValues dates = DocValues.getNumeric(segment, PostFields.DATE);
        List<Post> posts = new ArrayList<>(segment.maxDoc());
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
            Document document = stored.document(doc, fields);
            posts.add(Post.of(
                    document.get(PostFields.ID),
                    document.get(PostFields.TITLE),
                    List.of(document.getValues(PostFields.TAGS)),
                    List.of(document.getValues(PostFields.CATEGORIES)),
                    List.of(document.getValues(seriesField)),
                    dates.advanceExact(doc) ? dates.longValue() : Long.MIN_VALUE));
        }
        return List.copyOf(posts);
    }

    /** A segment's facet labels of one field, each distinct label decoded once. */
    private static final class FacetKeys {
        private final SortedSetDocValues values;
        private final FacetLabels.Label[] decoded;

        FacetKeys(LeafReader segment, String field) throws IOException {
            values = DocValues.getSortedSet(segment, field);
            decoded = new FacetLabels.Label[Math.toIntExact(values.getValueCount())];
        }

        void forEach(int doc, Consumer<FacetLabels.Label> action) throws IOException {
            if (!values.advanceExact(doc)) {
                return;
            }
            for (int i = 0; i < values.docValueCount(); i++) {
                int ord = Math.toIntExact(values.nextOrd());
                if (decoded[ord] == null) {
                    decoded[ord] = FacetLabels.decode(values.lookupOrd(ord));
                }
                action.accept(decoded[ord]);
            }
        }
    }

    /** A post's labels: its tags' and categories' keys, and their words, each once. */
    private static List<String> labels(Set<String> keys) {
        Set<String> labels = new LinkedHashSet<>(keys);
        // A Jekyll blog's "bpf xdp" is two categories: its words count as labels too.
        for (String key : keys) {
            labels.addAll(TitleText.words(key));
        }
        return List.copyOf(labels);
    }

    /** The series among {@code posts}, read from a store other than a Lucene reader (a SolrCloud collection). */
    public static BlogSeries of(List<Post> posts) {
        return detect(posts);
    }

    /** The series among {@code posts}. */
    static BlogSeries detect(List<Post> posts) {
        int[] parent = new int[posts.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Integer, String> names = new HashMap<>();
        // A series taxonomy says it outright.
        Map<String, List<Integer>> byTerm = new LinkedHashMap<>();
        Map<String, String> spellings = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            for (String term : posts.get(i).seriesTerms()) {
                String key = TextFolding.key(term);
                byTerm.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                spellings.putIfAbsent(key, term);
            }
        }
        byTerm.forEach((key, members) -> {
            for (int member : members) {
                union(parent, members.get(0), member);
            }
        });
        // A term names the series of its first post as that post spells it; a term the post shares with others
        // before one it alone has.
        for (boolean shared : new boolean[] {true, false}) {
            byTerm.forEach((key, members) -> {
                if ((members.size() > 1) == shared) {
                    names.putIfAbsent(members.get(0), spellings.get(key));
                }
            });
        }
        // Posts that share a label and begin alike, then go on with a part marker.
        Map<String, List<Integer>> byLabel = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            for (String label : posts.get(i).labels()) {
                byLabel.computeIfAbsent(label, key -> new ArrayList<>()).add(i);
            }
        }
        // Each post's title key and file name, made once: a post is compared under each of its labels, as often
        // as a sort and its neighbours ask.
        String[] titleKeys = posts.stream().map(post -> titleKey(post.title())).toArray(String[]::new);
        String[] slugNames = posts.stream().map(post -> slug(post.id())).toArray(String[]::new);
        List<String[]> namings = List.of(titleKeys, slugNames);
        for (List<Integer> group : byLabel.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (String[] naming : namings) {
                boolean slugs = naming == slugNames;
                List<Integer> sorted = new ArrayList<>(group);
                sorted.sort(Comparator.comparing(i -> naming[i]));
                for (int a = 0; a < sorted.size(); a++) {
                    for (int b = a + 1; b < Math.min(sorted.size(), a + 1 + NEIGHBOURS); b++) {
                        String one = naming[sorted.get(a)];
                        String other = naming[sorted.get(b)];
                        String prefix = seriesPrefix(one, other, slugs);
                        if (prefix != null) {
                            union(parent, sorted.get(a), sorted.get(b));
                            if (!slugs) {
                                names.merge(sorted.get(a), prefix, (x, y) -> x.length() >= y.length() ? x : y);
                            }
                        }
                    }
                }
            }
        }
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            byRoot.computeIfAbsent(find(parent, i), key -> new ArrayList<>()).add(i);
        }
        Map<String, Series> seriesOf = new HashMap<>();
        for (List<Integer> members : byRoot.values()) {
            if (members.size() < 2 || members.size() > MAX_MEMBERS) {
                continue;
            }
            members.sort(Comparator.comparingLong((Integer i) -> posts.get(i).date())
                    .thenComparing((x, y) -> Integer.compare(
                            chineseOrdinal(posts.get(x).title()),
                            chineseOrdinal(posts.get(y).title())))
                    .thenComparing((x, y) -> naturalCompare(slugNames[x], slugNames[y])));
            String name = null;
            for (int member : members) {
                String candidate = names.get(member);
                if (candidate != null && (name == null || candidate.length() > name.length())) {
                    name = candidate;
                }
            }
            List<String> ids = members.stream().map(i -> posts.get(i).id()).toList();
            List<String> titles = members.stream().map(i -> titleKeys[i]).toList();
            Series series = new Series(name == null ? posts.get(members.get(0)).title() : name.strip(), ids, titles);
            ids.forEach(id -> seriesOf.put(id, series));
        }
        return new BlogSeries(seriesOf, Map.of());
    }

    /** The series a post belongs to. */
    public Optional<Series> of(String id) {
        return Optional.ofNullable(seriesOf.get(id));
    }

    /** Every series, each once, for listing. */
    public List<Series> all() {
        List<Series> all = new ArrayList<>();
        seriesOf.forEach((id, series) -> {
            if (id.equals(series.first())) {
                all.add(series);
            }
        });
        all.sort(Comparator.comparing(Series::name));
        return all;
    }

    /**
     * The beginning two titles (or file names) share when it names a series: cut back to a word's start, weighty
     * enough ({@link #MIN_PREFIX_WEIGHT}), and each followed by nothing (one may be the overview the parts are
     * named after), a part marker, or, when the beginning ends in a delimiter (之, a colon, a bracket), anything.
     * Null when they are not parts of one series.
     */
    static String seriesPrefix(String one, String other, boolean slugs) {
        int common = 0;
        int max = Math.min(one.length(), other.length());
        while (common < max && one.charAt(common) == other.charAt(common)) {
            common++;
        }
        // Back to the start of a word or number that goes on differently: 习惯养成记之0|1 is 习惯养成记之.
        if (continuesWord(one, common) || continuesWord(other, common)) {
            while (common > 0 && (isWordChar(one.charAt(common - 1)) || isDecimalPoint(one, common - 1))) {
                common--;
            }
        }
        if (common == 0) {
            return null;
        }
        String prefix = one.substring(0, common);
        if (weight(prefix, slugs) < MIN_PREFIX_WEIGHT) {
            return null;
        }
        String stripped = prefix.strip();
        boolean delimited = !slugs && OPENING_DELIMITERS.indexOf(stripped.charAt(stripped.length() - 1)) >= 0;
        String rest = one.substring(common);
        String otherRest = other.substring(common);
        if (rest.isBlank() && otherRest.isBlank()) {
            return null;
        }
        boolean overview = rest.isBlank() || otherRest.isBlank();
        if (!isPart(rest, delimited, overview, slugs) || !isPart(otherRest, delimited, overview, slugs)) {
            return null;
        }
        return TitleText.withoutTrailingDelimiters(prefix);
    }

    /**
     * Whether what follows the shared beginning makes a part: nothing (the overview), a part marker, anything after
     * a beginning ending in 之 or a bracket, or a delimiter then a part marker ({@code -序}, {@code 之01}), or then
     * anything when the other title is the overview's.
     */
    private static boolean isPart(String rest, boolean delimited, boolean overview, boolean slugs) {
        String trimmed = slugs ? TitleText.withoutLeadingDashes(rest) : rest.strip();
        if (trimmed.isEmpty() || delimited) {
            return true;
        }
        if (!slugs && CONTINUING_DELIMITERS.indexOf(trimmed.charAt(0)) >= 0) {
            String after = trimmed.substring(1).strip();
            return overview || TitleText.startsWithPartMarker(after);
        }
        return TitleText.startsWithPartMarker(trimmed);
    }

    private static boolean continuesWord(String text, int at) {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        if (isWordChar(c)) {
            return true;
        }
        // 2.9|.15: a version number goes on.
        return c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1));
    }

    /** The point of 2.9: a digit on each side. */
    private static boolean isDecimalPoint(String text, int at) {
        return text.charAt(at) == '.'
                && at > 0
                && Character.isDigit(text.charAt(at - 1))
                && at + 1 < text.length()
                && Character.isDigit(text.charAt(at + 1));
    }

    private static boolean isWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /**
     * Chinese characters count one, Latin words (of letters, two or more) two: the words being the runs of
     * {@code [a-z0-9]} ({@code [a-z0-9.]} in a title) with a letter. Counted char by char: it is asked of every pair
     * of neighbouring titles under every label, the most frequent work of finding the series.
     */
    private static int weight(String prefix, boolean slugs) {
        int weight = 0;
        int run = 0;
        boolean letter = false;
        for (int i = 0; i < prefix.length(); ) {
            int c = prefix.codePointAt(i);
            i += Character.charCount(c);
            boolean lower = c >= 'a' && c <= 'z';
            if (lower || (c >= '0' && c <= '9') || (!slugs && c == '.')) {
                run++;
                letter |= lower;
                continue;
            }
            if (run >= 2 && letter) {
                weight += 2;
            }
            run = 0;
            letter = false;
            if (HanText.isHan(c)) {
                weight++;
            }
        }
        return run >= 2 && letter ? weight + 2 : weight;
    }

    /** A title as compared: its key ({@link TextFolding#key}), without a leading [译]. */
    static String titleKey(String title) {
        return TitleText.withoutLeadingTags(TextFolding.key(title)).strip();
    }

    /** A post's file name without its folder and date: ovs-deep-dive-1-vswitchd. */
    static String slug(String id) {
        String name = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return TitleText.withoutDatePrefix(name);
    }

    /**
     * The part number a title gives in Chinese numerals ({@code APNs（二）}, {@code 系列之一}, {@code 第三篇}), 0 when it
     * gives none: posts of one day sort by it before their file names, which need not say the order.
     */
    static int chineseOrdinal(String title) {
        String numerals = TitleText.chineseOrdinal(title);
        if (numerals == null) {
            return 0;
        }
        int value = 0;
        int digit = 0;
        for (char c : numerals.toCharArray()) {
            if (c == '十') {
                value += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else {
                digit = "一二三四五六七八九".indexOf(c) + 1;
            }
        }
        return value + digit;
    }

    /** Text with runs of digits compared as numbers: part-2 before part-10. */
    private static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = TitleText.withoutLeadingZeros(a.substring(si, i));
                String nb = TitleText.withoutLeadingZeros(b.substring(sj, j));
                int byLength = Integer.compare(na.length(), nb.length());
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = na.compareTo(nb);
                if (byDigits != 0) {
                    return byDigits;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
