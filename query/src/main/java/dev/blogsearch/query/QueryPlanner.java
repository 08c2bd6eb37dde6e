package dev.blogsearch.query;

import dev.blogsearch.analysis.BlogAnalyzer;
import dev.blogsearch.analysis.HanText;
import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.analysis.Translations;
import dev.blogsearch.schema.FieldWeights;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * Turns what the reader typed into a {@link QueryPlan}:
 *
 * <ul>
 *   <li>Chinese text is cut into words with the same smartcn model as the posts, and characters smartcn leaves
 *       alone are joined to their neighbours (集 群 is the word 集群), so a question like 如何成为开源项目的贡献者
 *       looks for 成为, 开源, 项目 and 贡献者, wherever they are in a post;
 *   <li>question words and particles (如何, 怎么, 的, how to) are dropped when anything else is left, also when they
 *       are typed glued to the words of the question (如何在Istio中实现熔断 looks for Istio, 实现 and 熔断);
 *   <li>each unit gets its synonyms (k8s, kubernetes), plural and singular forms found in the blog, and, when an
 *       English word is found nowhere, the closest word of the blog (kuberntes → kubernetes);
 *   <li>while the reader is typing ({@link PlanOptions#typing()}), the last word also matches the words of the blog
 *       that start with it (kub → kubernetes, kubectl), the most used counting most, so results come from the
 *       first letters typed and the top result stays put as the word is finished.
 * </ul>
 *
 * Thread-safe.
 */
public final class QueryPlanner {

    private static final float SYNONYM_WEIGHT = 0.9f;
    /** The other language's term the blog glosses a word with: as good as a synonym the owner wrote. */
    private static final float GLOSS_WEIGHT = 0.8f;
    /**
     * A general glossary's English for a Chinese word: one of a word's senses, not necessarily the one meant, so a
     * post with the word as typed counts double.
     */
    private static final float TRANSLATION_WEIGHT = 0.5f;
    /** The last word of a glossary compound, which names less than the compound: below a whole translation. */
    private static final float HEAD_WEIGHT = TRANSLATION_WEIGHT / 2;
    /** A Chinese word searched as the last word of its English compounds has this many characters at least. */
    private static final int MIN_COMPOUND_CHARACTERS = 3;

    /**
     * English composed of the glossary's English of Chinese words typed together (服务发现: service discovery), which
     * the blog writes as a phrase: the reading of each word may not be the one meant, and the whole is a guess.
     */
    private static final float COMPOSED_WEIGHT = TRANSLATION_WEIGHT;

    /** Chinese words the general glossary gives an English term, at most, the likeliest senses first. */
    private static final int CHINESE_TRANSLATIONS = 3;
    /** Chinese words of an English term looked for in the blog, at most: what bounds the cost of a common word. */
    private static final int CHINESE_CANDIDATES = 12;

    /** Each English word's Chinese words tried in composing two words' ({@link #composedChinese}). */
    private static final int COMPOSING_SENSES = 3;
    /** Each English word's single characters tried in composing two words' ({@link #composedChinese}). */
    private static final int COMPOSING_CHARACTERS = 2;
    /** The most words of an English term whose abbreviation is looked for ({@link #abbreviations}). */
    private static final int ABBREVIATED_WORDS = 4;
    /** A word being typed is composed with the Chinese of the word before it as this many of its completions. */
    private static final int COMPOSED_COMPLETIONS = 2;

    /** The Chinese terms composed of two English words' that are kept, those the most posts write. */
    private static final int COMPOSED_CHINESE = 2;

    /** Fields whose bigrams say whether a Chinese word is in the blog. */
    private static final String[] CHINESE_FIELDS = {
        PostFields.bigramFieldOf(PostFields.BODY), PostFields.bigramFieldOf(PostFields.TITLE)
    };

    private static final float VARIANT_WEIGHT = 0.8f;
    /** A correction stands in for a typed word that matches nothing: it counts as if typed. */
    private static final float CORRECTION_WEIGHT = 1f;
    /**
     * The most used completion of a word being typed that is itself a word of the blog ({@code java}, on its way to
     * {@code javascript} or not): below the typed word, so a whole-word match ranks first.
     */
    private static final float COMPLETION_WEIGHT = 0.9f;
    /** Completions of a word being typed, at most: what bounds the cost of a short prefix. */
    private static final int MAX_COMPLETIONS = 8;

    /** A word being typed is completed from its second letter on; a single letter is too little to go on. */
    private static final int MIN_COMPLETED_LENGTH = 2;
    /**
     * The words of the other units, as the index holds them: the context a word being typed is completed in. A unit
     * of several words (a phrase) gives each; its synonyms and corrections are left out (the primary form only).
     */
    private static List<String> otherWords(List<QueryPlan.Unit> units) {
        List<String> words = new ArrayList<>();
        for (QueryPlan.Unit unit : units) {
            for (String word : unit.primary().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isBlank()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /**
     * The word typed right before the last one, as the index holds it, when it says something about what follows: not
     * a stop word ({@code the}, {@code 的}), not Chinese (a Latin word being typed after it starts a new term).
     */
    private static String wordBefore(List<String> words) {
        if (words.size() < 2) {
            return null;
        }
        String before = words.get(words.size() - 2).toLowerCase(Locale.ROOT);
        boolean latin = before.codePoints().noneMatch(HanText::isHan);
        return latin && !before.contains(" ") && !StopWords.isStopWord(before) ? before : null;
    }

    /**
     * What a word being typed is completed with: the words of the other units, and the word typed right before it
     * (null when none says anything).
     */
    private record Typing(List<String> others, String before) {
        static final Typing NONE = new Typing(List.of(), null);
    }

    /** Completions of the last part of an identifier being typed ({@code createDispat}). */
    private static final int PART_COMPLETIONS = 3;
    /** Completions written right after the word before that come first, at most. */
    private static final int WRITTEN_COMPLETIONS = 2;
    /** Corrections tried for a word being typed that no word of the blog starts with ({@code kubr}). */
    private static final int CORRECTIONS_OF_A_PREFIX = 3;
    /**
     * A finished word found nowhere that begins words of the blog was cut short ({@code kubernet}) rather than
     * misspelled, from this length on; shorter ones are as likely other words ({@code car} is not {@code cargo}).
     */
    private static final int MIN_CUT_SHORT_LENGTH = 5;

    /** Fields whose terms say whether a word occurs in the blog at all. */
    private static final String[] TERM_FIELDS = {
        PostFields.BODY, PostFields.TITLE, PostFields.HEADINGS, PostFields.CODE, PostFields.TAGS
    };

    private final Synonyms synonyms;
    private final PostAnalyzer analyzer;
    private final TypoCorrector typos = new TypoCorrector(PostFields.BODY);
    private final WordCompleter completer = new WordCompleter();
    private final Translations translations;
    private final ComposedEnglish composer;
    /**
     * Each open index's glosses, shared by every planner: the service reads a new reader's when it opens it
     * ({@link #warmUp}), not in the first query's time; each post's pairs were recorded when it was indexed
     * ({@link #recordGlosses}), and only a segment written without them is mined from its text. A reindex opens a
     * new reader whose segments are mostly the previous one's: each segment is read once
     * ({@link #GLOSSES_BY_SEGMENT}), so a reader costs only its new segments' posts. A segment's pairs stay as they were when it was mined: a post deleted from it later keeps its
     * pairs until the segment is merged away, which can only add a form no post has.
     */
    private static final Map<IndexReader.CacheKey, BlogGlosses> GLOSSES_BY_READER =
            Collections.synchronizedMap(new WeakHashMap<>());

    private static final Map<IndexReader.CacheKey, BlogGlosses> GLOSSES_BY_SEGMENT =
            Collections.synchronizedMap(new WeakHashMap<>());

    public QueryPlanner(Synonyms synonyms, PostAnalyzer analyzer) {
        this(synonyms, analyzer, Translations.builtIn());
    }

    public QueryPlanner(Synonyms synonyms, PostAnalyzer analyzer, Translations translations) {
        this.synonyms = synonyms;
        this.analyzer = analyzer;
        this.translations = translations;
        this.composer = new ComposedEnglish(translations);
    }

    /** The term pairs the blog glosses itself with ({@link BlogGlosses}), read once per segment. */
    public BlogGlosses glosses(IndexReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        BlogGlosses known = helper == null ? null : GLOSSES_BY_READER.get(helper.getKey());
        if (known != null) {
            return known;
        }
        List<BlogGlosses> segments = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            segments.add(segmentGlosses(leaf.reader()));
        }
        BlogGlosses glosses = BlogGlosses.union(segments);
        if (helper != null) {
            GLOSSES_BY_READER.put(helper.getKey(), glosses);
        }
        return glosses;
    }

    private BlogGlosses segmentGlosses(LeafReader segment) throws IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null) {
            return BlogGlosses.mine(segment, this::glossWords, translations::senses);
        }
        BlogGlosses known = GLOSSES_BY_SEGMENT.get(helper.getKey());
        if (known == null) {
            known = BlogGlosses.mine(segment, this::glossWords, translations::senses);
            GLOSSES_BY_SEGMENT.put(helper.getKey(), known);
        }
        return known;
    }

    /**
     * Loads what planning needs besides an index: the analyzer's dictionaries and the 繁简 table, the built-in
     * synonyms and the glossary (about a second each at start-up). Needs no reader, so it can run on another core
     * while an index opens.
     */
    public static void loadTables(PostAnalyzer analyzer) {
        analyzer.warmUp();
        Synonyms.builtIn();
        Translations.builtIn().size();
    }

    /**
     * Does now, for a reader just opened, the work its first query would otherwise do within its time budget: reads
     * the blog's glosses.
     */
    public static void warmUp(IndexReader reader, PostAnalyzer analyzer) throws IOException {
        new QueryPlanner(Synonyms.builtIn(), analyzer).glosses(reader);
    }

    /**
     * Adds to a post's document the pairs it glosses ({@link PostFields#GLOSSES}), so that opening the index reads
     * them rather than mining every post's text again.
     */
    public void recordGlosses(Document post) {
        post.add(new BinaryDocValuesField(
                PostFields.GLOSSES, BlogGlosses.record(post, this::glossWords, translations::senses)));
    }

    /** Chinese text before a gloss as the words a query would have: particles dropped, lone characters joined. */
    private List<String> glossWords(String run) {
        return contentWords(run, false);
    }

    /** A submitted query: every word finished. */
    public QueryPlan plan(UserQuery query, IndexReader reader) throws IOException {
        return plan(query, reader, PlanOptions.SUBMITTED);
    }

    public QueryPlan plan(UserQuery query, IndexReader reader, PlanOptions options) throws IOException {
        return plan(query, new ReaderLexicon(reader, () -> glosses(reader)), options);
    }

    /**
     * The plan made with the words of {@code lexicon}: an index, or every shard of a collection at once
     * ({@link GatheredLexicon}).
     */
    public QueryPlan plan(UserQuery query, Lexicon lexicon, PlanOptions options) throws IOException {
        List<String> words = new ArrayList<>();
        List<QueryPlan.Unit> phrases = new ArrayList<>();
        List<String> together = new ArrayList<>();
        String typing = null;
        for (int t = 0; t < query.terms().size(); t++) {
            UserQuery.Term term = query.terms().get(t);
            // Folded before smartcn sees it: its model only knows Simplified words (虛擬內存 is cut as 虚拟 内存 only
            // once it reads 虚拟内存); the analyzer folds the posts the same way.
            String text = TextFolding.fold(term.text());
            if (term.phrase()) {
                phrases.add(new QueryPlan.Unit(text, alternatives(text)));
            } else {
                List<String> split = splitWords(text, together);
                words.addAll(split);
                boolean last = t == query.terms().size() - 1;
                // Chinese needs no completing: a bigram or a single character already matches inside a word.
                if (last
                        && options.typing()
                        && query.endsWithWord()
                        && !split.isEmpty()
                        && !HanText.isHan(text.codePointBefore(text.length()))) {
                    typing = split.get(split.size() - 1);
                }
            }
        }
        List<QueryPlan.Rewrite> rewrites = new ArrayList<>();
        if (typing != null && !options.verbatim()) {
            Optional<String> finishing = completionFinishingPhrase(words, lexicon);
            if (finishing.isPresent()) {
                rewrites.add(new QueryPlan.Rewrite(typing, finishing.get(), QueryPlan.Kind.COMPLETION));
                words.set(words.size() - 1, finishing.get());
                typing = null;
            }
        }
        List<String> joined = joinSynonymPhrases(words);
        List<String> content = withoutStopWords(joined);
        // A stop word being typed (game the) is left out as a word, but may be on its way to one (theory).
        String typedStopWord = typing != null
                        && (!content.isEmpty() || !phrases.isEmpty())
                        && joined.get(joined.size() - 1).equals(typing)
                        && StopWords.isStopWord(typing)
                ? typing
                : null;
        if (!content.isEmpty() || !phrases.isEmpty()) {
            joined = content;
        }
        List<QueryPlan.Unit> units = new ArrayList<>(phrases);
        for (int w = 0; w < joined.size(); w++) {
            String word = joined.get(w);
            // Unless it was dropped as a question word or joined into a synonym phrase, which are whole words.
            boolean beingTyped = typing != null && w == joined.size() - 1 && word.equals(typing);
            Typing context = beingTyped ? new Typing(otherWords(units), wordBefore(words)) : Typing.NONE;
            units.add(unit(word, beingTyped, context, options.verbatim(), lexicon, rewrites));
        }
        if (typedStopWord != null && !options.verbatim()) {
            onItsWay(typedStopWord, new Typing(otherWords(units), wordBefore(words)), lexicon, rewrites)
                    .ifPresent(units::add);
        }
        List<QueryPlan.Unit> typedTogether = translate(units, phrases.size(), joined, together, lexicon);
        List<QueryPlan.Unit> excluded = query.excluded().stream()
                .map(term -> new QueryPlan.Unit(
                        term.text(), List.of(new QueryPlan.Form(term.text(), 1f, QueryPlan.Kind.TYPED))))
                .toList();
        return new QueryPlan(units, excluded, query.tags(), query.categories(), rewrites, typedTogether);
    }

    /**
     * The other language's terms for the words: each word's own (the blog's glosses, then for a Chinese word the
     * general glossary's English that the blog has), and the terms of several words typed together (网络策略 glossed
     * network policy; distributed tracing glossed 分布式追踪) added to each of those words, so a post written only in
     * the other language has every word of the query; Chinese words typed together that have no such term get the
     * English the blog writes that is composed of their own ({@link ComposedEnglish}). English words also get the
     * Chinese the general glossary gives them, the longest run of words it has an entry for that the blog writes in
     * Chinese (linear algebra: 线性代数), and two English words with no Chinese term as a whole the one their Chinese
     * make, when the blog writes it ({@link #composedChinese}: memory model, 内存模型).
     * A word being typed is looked up as its completions too ({@code optimistic lock} as optimistic locking;
     * {@code memory mode} composed as memory model), each counting as much as its completion does.
     *
     * @param first the index in {@code units} of the unit of {@code words}' first word
     * @return each text of {@code together}, as typed and in the English found for it whole, and each run of English
     *     words that has a Chinese term as a whole, in that term ({@link QueryPlan#together})
     */
    private List<QueryPlan.Unit> translate(
            List<QueryPlan.Unit> units, int first, List<String> words, List<String> together, Lexicon lexicon)
            throws IOException {
        List<List<Reading>> readings = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            readings.add(readings(words.get(w), units.get(first + w)));
        }
        Map<String, RunEnglish> englishByRun = new HashMap<>();
        Map<String, List<QueryPlan.Form>> composedByPair = new HashMap<>();
        // Each term's abbreviations, looked for once a query: a term can be a word's gloss and its run's too.
        Map<String, List<String>> abbreviationsOf = new HashMap<>();
        Map<String, Set<QueryPlan.Form>> wholeRuns = new LinkedHashMap<>();
        List<List<QueryPlan.Form>> joinedAt = new ArrayList<>();
        for (int from = 0; from + 1 < words.size(); from++) {
            joinedAt.add(joined(readings.get(from), readings.get(from + 1), lexicon));
        }
        together.forEach(run ->
                wholeRuns.put(run, new LinkedHashSet<>(List.of(new QueryPlan.Form(run, 1f, QueryPlan.Kind.TYPED)))));
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            List<QueryPlan.Form> extra = new ArrayList<>();
            if (HanText.isAllHan(word)) {
                lexicon.glossEnglish(word)
                        .forEach(en -> extra.add(new QueryPlan.Form(en, GLOSS_WEIGHT, QueryPlan.Kind.GLOSS)));
                for (String en : translations.english(word)) {
                    if (writes(lexicon, en)) {
                        extra.add(new QueryPlan.Form(en, TRANSLATION_WEIGHT, QueryPlan.Kind.TRANSLATION));
                    }
                }
                if (extra.isEmpty()) {
                    // No English of its own in the blog: a word the glossary lacks, the English of its pieces (边车).
                    for (String en : composer.ofWord(word, lexicon)) {
                        extra.add(new QueryPlan.Form(en, COMPOSED_WEIGHT, QueryPlan.Kind.COMPOSED));
                    }
                }
                if (extra.isEmpty()) {
                    extra.addAll(heads(word, lexicon));
                }
                extra.addAll(derived(extra, lexicon));
                extra.addAll(abbreviated(extra, abbreviationsOf, lexicon));
            } else {
                for (Reading reading : readings.get(w)) {
                    lexicon.glossChinese(reading.text())
                            .forEach(zh -> extra.add(
                                    new QueryPlan.Form(zh, GLOSS_WEIGHT * reading.weight(), QueryPlan.Kind.GLOSS)));
                }
            }
            // Consecutive English words glossed as a whole, and the abbreviation the blog writes for them as typed
            // (retransmission timeout: RTO); two of them written as one word (leaf node: leafnode).
            for (int n = 2; n <= Math.min(Synonyms.MAX_WORDS, words.size()); n++) {
                for (int from = Math.max(0, w - n + 1); from <= w && from + n <= words.size(); from++) {
                    String run = String.join(" ", words.subList(from, from + n));
                    List<QueryPlan.Form> found = new ArrayList<>(n == 2 ? joinedAt.get(from) : List.of());
                    for (Reading phrase : phrases(readings.subList(from, from + n))) {
                        for (String zh : lexicon.glossChinese(phrase.text())) {
                            found.add(new QueryPlan.Form(zh, GLOSS_WEIGHT * phrase.weight(), QueryPlan.Kind.GLOSS));
                        }
                    }
                    for (String abbreviation : abbreviations(run.toLowerCase(Locale.ROOT), abbreviationsOf, lexicon)) {
                        found.add(new QueryPlan.Form(abbreviation, GLOSS_WEIGHT, QueryPlan.Kind.ABBREVIATION));
                    }
                    extra.addAll(found);
                    if (!found.isEmpty()) {
                        wholeRuns
                                .computeIfAbsent(run, key -> new LinkedHashSet<>())
                                .addAll(found);
                    }
                }
            }
            if (isLatinWords(word)) {
                extra.addAll(chineseTranslations(firm(readings), words, w, wholeRuns, lexicon));
                // With the word before or after it, when the two have no Chinese term as a whole.
                for (int from = Math.max(0, w - 1); from <= w && from + 1 < words.size(); from++) {
                    String run = words.get(from) + " " + words.get(from + 1);
                    if (!composedByPair.containsKey(run)) {
                        boolean whole = !wholeRuns.getOrDefault(run, Set.of()).isEmpty();
                        composedByPair.put(
                                run,
                                whole
                                        ? List.of()
                                        : composedForms(
                                                units.get(first + from).primary(),
                                                units.get(first + from + 1).primary(),
                                                readings.get(from + 1),
                                                lexicon));
                    }
                    for (QueryPlan.Form form : composedByPair.get(run)) {
                        extra.add(form);
                        wholeRuns
                                .computeIfAbsent(run, key -> new LinkedHashSet<>())
                                .add(form);
                    }
                }
            }
            // Chinese words typed together, glossed or translated as a whole; else composed of their parts' English.
            for (String run : together) {
                if (run.contains(word)) {
                    if (!englishByRun.containsKey(run)) {
                        englishByRun.put(run, runEnglish(run, abbreviationsOf, lexicon));
                    }
                    RunEnglish english = englishByRun.get(run);
                    extra.addAll(english.whole());
                    extra.addAll(english.heads());
                    wholeRuns.get(run).addAll(english.whole());
                }
            }
            if (!extra.isEmpty()) {
                QueryPlan.Unit unit = units.get(first + w);
                List<QueryPlan.Form> forms = new ArrayList<>(unit.alternatives());
                for (QueryPlan.Form form : extra) {
                    boolean known = forms.stream().anyMatch(f -> f.text().equalsIgnoreCase(form.text()));
                    if (!known) {
                        forms.add(form);
                    }
                }
                units.set(first + w, new QueryPlan.Unit(unit.text(), forms));
            }
        }
        return wholeRuns.entrySet().stream()
                .filter(run -> !run.getValue().isEmpty())
                .map(run -> new QueryPlan.Unit(run.getKey(), List.copyOf(run.getValue())))
                .toList();
    }

    /**
     * The English found for Chinese words typed together: {@code whole}, the term the blog glosses or the glossary
     * translates them with, else the English composed of their words' (each with the abbreviation the blog writes
     * for it); {@code heads}, when nothing is composed, the English of the run's last word standing for it.
     */
    private record RunEnglish(List<QueryPlan.Form> whole, List<QueryPlan.Form> heads) {}

    private RunEnglish runEnglish(String run, Map<String, List<String>> abbreviationsOf, Lexicon lexicon)
            throws IOException {
        List<QueryPlan.Form> whole = new ArrayList<>();
        List<String> glossed = lexicon.glossEnglish(run);
        glossed.forEach(en -> whole.add(new QueryPlan.Form(en, GLOSS_WEIGHT, QueryPlan.Kind.GLOSS)));
        boolean translated = false;
        for (String en : translations.english(run)) {
            if (writes(lexicon, en)) {
                whole.add(new QueryPlan.Form(en, TRANSLATION_WEIGHT, QueryPlan.Kind.TRANSLATION));
                translated = true;
            }
        }
        List<QueryPlan.Form> heads = List.of();
        if (glossed.isEmpty() && !translated) {
            List<String> composed = composer.of(contentWords(run, false), lexicon);
            composed.forEach(en -> whole.add(new QueryPlan.Form(en, COMPOSED_WEIGHT, QueryPlan.Kind.COMPOSED)));
            if (composed.isEmpty()) {
                heads = heads(run, lexicon);
            }
        }
        whole.addAll(abbreviated(whole, abbreviationsOf, lexicon));
        return new RunEnglish(whole, heads);
    }

    /**
     * The words the blog derives from a Chinese word's one-word glosses (retransmit: retransmission; policy:
     * policies), each below the gloss it comes from. Not the glossary's translations: a word's senses are not all the
     * one meant, and their other forms would find more posts about the wrong one.
     */
    private static List<QueryPlan.Form> derived(List<QueryPlan.Form> english, Lexicon lexicon) throws IOException {
        return added(english, form -> {
            String lower = form.text().toLowerCase(Locale.ROOT);
            if (form.kind() != QueryPlan.Kind.GLOSS || !isEnglishWord(lower)) {
                return List.of();
            }
            return EnglishVariants.derived(lower, lexicon).stream()
                    .map(other -> new QueryPlan.Form(other, form.weight() * VARIANT_WEIGHT, QueryPlan.Kind.VARIANT))
                    .toList();
        });
    }

    /**
     * The abbreviations the blog writes for the English terms of several words among {@code english}
     * ({@link #abbreviations}), each counting as much as its term.
     */
    private static List<QueryPlan.Form> abbreviated(
            List<QueryPlan.Form> english, Map<String, List<String>> abbreviationsOf, Lexicon lexicon)
            throws IOException {
        return added(
                english,
                form -> abbreviations(form.text().toLowerCase(Locale.ROOT), abbreviationsOf, lexicon).stream()
                        .map(abbreviation ->
                                new QueryPlan.Form(abbreviation, form.weight(), QueryPlan.Kind.ABBREVIATION))
                        .toList());
    }

    /** The forms {@code made} of each of {@code forms}, each once and none of {@code forms}' texts. */
    private static List<QueryPlan.Form> added(List<QueryPlan.Form> forms, FormsOf made) throws IOException {
        List<QueryPlan.Form> added = new ArrayList<>();
        for (QueryPlan.Form form : forms) {
            for (QueryPlan.Form other : made.of(form)) {
                boolean known = forms.stream().anyMatch(f -> f.text().equalsIgnoreCase(other.text()))
                        || added.stream().anyMatch(f -> f.text().equals(other.text()));
                if (!known) {
                    added.add(other);
                }
            }
        }
        return added;
    }

    /** Other forms made of a form, from the blog's words. */
    @FunctionalInterface
    private interface FormsOf {
        List<QueryPlan.Form> of(QueryPlan.Form form) throws IOException;
    }

    /** {@link #abbreviations} of a term, from {@code known} when they were looked for already. */
    private static List<String> abbreviations(String term, Map<String, List<String>> known, Lexicon lexicon)
            throws IOException {
        List<String> found = known.get(term);
        if (found == null) {
            found = abbreviations(term, lexicon);
            known.put(term, found);
        }
        return found;
    }

    /**
     * The abbreviation the blog introduces for an English term of two to {@value #ABBREVIATED_WORDS} words, as
     * authors do, right before or after it: RTO (retransmission timeout), retransmission timeout (RTO). Its letters
     * are the words' first letters in order, one word giving a second of its letters (timeout: to); it must be a
     * word of the blog written next to the term, which a phrase count of the words fields tells (their analysis
     * drops the parentheses), so a word that only looks like one is not taken. The cost is bounded: a term lookup
     * for each of the words' letters, and two phrase counts for each candidate the blog has.
     */
    static List<String> abbreviations(String term, Lexicon lexicon) throws IOException {
        String[] words = term.split(" ");
        if (words.length < 2 || words.length > ABBREVIATED_WORDS) {
            return List.of();
        }
        StringBuilder initials = new StringBuilder();
        for (String word : words) {
            if (!isEnglishWord(word)) {
                return List.of();
            }
            initials.append(word.charAt(0));
        }
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(initials.toString());
        for (int w = 0; w < words.length; w++) {
            for (int letter = 1; letter < words[w].length(); letter++) {
                candidates.add(initials.substring(0, w + 1) + words[w].charAt(letter) + initials.substring(w + 1));
            }
        }
        List<String> written = new ArrayList<>();
        for (String candidate : candidates) {
            // A function word before a term (the tcp header) is no abbreviation of it, though its letters fit.
            boolean beside = !StopWords.isStopWord(candidate)
                    && lexicon.docFreq(PostFields.BODY, candidate) > 0
                    && (lexicon.phraseCount(candidate + " " + term, Lexicon.Where.PROSE) > 0
                            || lexicon.phraseCount(term + " " + candidate, Lexicon.Where.PROSE) > 0);
            if (beside) {
                written.add(candidate);
            }
        }
        return written;
    }

    /** A word as it may be meant, and how much a term found for it counts (a completion's weight, or 1). */
    private record Reading(String text, float weight) {}

    /**
     * What a word is looked up as in the glosses and the glossary: as typed and, when it is being typed, as each of
     * its completions (and its correction).
     */
    private static List<Reading> readings(String word, QueryPlan.Unit unit) {
        List<Reading> readings = new ArrayList<>();
        readings.add(new Reading(word.toLowerCase(Locale.ROOT), 1f));
        for (QueryPlan.Form form : unit.alternatives()) {
            boolean typing = form.kind() == QueryPlan.Kind.COMPLETION || form.kind() == QueryPlan.Kind.CORRECTION;
            String text = form.text().toLowerCase(Locale.ROOT);
            if (typing && readings.stream().noneMatch(reading -> reading.text().equals(text))) {
                readings.add(new Reading(text, form.weight()));
            }
        }
        return readings;
    }

    /**
     * The readings that stand for what was typed: the word as typed and the completion that stands in for a word in no
     * post. The general glossary gives a common word many Chinese words (make: 使, 制作), so a word being typed is not
     * looked up there as each word it may become.
     */
    private static List<List<Reading>> firm(List<List<Reading>> readings) {
        List<List<Reading>> firm = new ArrayList<>();
        for (List<Reading> word : readings) {
            firm.add(word.stream().filter(reading -> reading.weight() >= 1f).toList());
        }
        return firm;
    }

    /** The phrases of consecutive words, each word in each of its readings; a phrase counts its words' least. */
    private static List<Reading> phrases(List<List<Reading>> words) {
        List<Reading> phrases = List.of(new Reading("", 1f));
        for (List<Reading> word : words) {
            List<Reading> longer = new ArrayList<>();
            for (Reading phrase : phrases) {
                for (Reading reading : word) {
                    longer.add(new Reading(
                            phrase.text().isEmpty() ? reading.text() : phrase.text() + " " + reading.text(),
                            Math.min(phrase.weight(), reading.weight())));
                }
            }
            phrases = longer;
        }
        return phrases;
    }

    /**
     * The Chinese the general glossary gives English words that the blog writes (sleep: 睡眠): of the runs of
     * consecutive words around the word, the longest the glossary has an entry for that the blog has (linear
     * algebra: 线性代数, not 线性 and 代数), at most {@link #CHINESE_TRANSLATIONS} words, the likeliest senses first.
     */
    private List<QueryPlan.Form> chineseTranslations(
            List<List<Reading>> readings,
            List<String> words,
            int w,
            Map<String, Set<QueryPlan.Form>> wholeRuns,
            Lexicon lexicon)
            throws IOException {
        for (int n = Math.min(Synonyms.MAX_WORDS, readings.size()); n >= 1; n--) {
            List<QueryPlan.Form> found = new ArrayList<>();
            for (int from = Math.max(0, w - n + 1); from <= w && from + n <= readings.size(); from++) {
                Set<QueryPlan.Form> whole = n > 1
                        ? wholeRuns.computeIfAbsent(
                                String.join(" ", words.subList(from, from + n)), key -> new LinkedHashSet<>())
                        : new LinkedHashSet<>();
                for (Reading phrase : phrases(readings.subList(from, from + n))) {
                    int kept = 0;
                    List<String> candidates = translations.chinese(phrase.text());
                    for (int c = 0; c < Math.min(candidates.size(), CHINESE_CANDIDATES); c++) {
                        String zh = candidates.get(c);
                        if (kept < CHINESE_TRANSLATIONS && occursInChinese(lexicon, zh)) {
                            QueryPlan.Form form = new QueryPlan.Form(
                                    zh, TRANSLATION_WEIGHT * phrase.weight(), QueryPlan.Kind.TRANSLATION);
                            found.add(form);
                            whole.add(form);
                            kept++;
                        }
                    }
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * {@link #composedChinese} of two English words as searched: the second as it stands for what was typed (a word
     * being typed as the completion that stands for it: time manag, management) and, while it is being typed, as
     * each of its {@link #COMPOSED_COMPLETIONS} likeliest completions (memory mode: 内存模型 of model), which count
     * as much as the completion does.
     */
    private List<QueryPlan.Form> composedForms(
            String first, String second, List<Reading> secondReadings, Lexicon lexicon) throws IOException {
        if (!composable(first)) {
            return List.of();
        }
        List<String> firsts = chineseOf(first, lexicon);
        if (firsts.isEmpty()) {
            return List.of();
        }
        List<QueryPlan.Form> forms = new ArrayList<>();
        for (String zh : composedChinese(firsts, second, lexicon)) {
            forms.add(new QueryPlan.Form(zh, COMPOSED_WEIGHT, QueryPlan.Kind.COMPOSED));
        }
        List<Reading> completions = secondReadings.stream()
                .filter(reading -> reading.weight() < 1f && !reading.text().equals(second))
                .limit(COMPOSED_COMPLETIONS)
                .toList();
        for (Reading completion : completions) {
            for (String zh : composedChinese(firsts, completion.text(), lexicon)) {
                if (forms.stream().noneMatch(form -> form.text().equals(zh))) {
                    forms.add(new QueryPlan.Form(zh, COMPOSED_WEIGHT * completion.weight(), QueryPlan.Kind.COMPOSED));
                }
            }
        }
        return forms;
    }

    /**
     * The Chinese the blog writes for two English words typed together that have no Chinese term as a whole: each
     * word's Chinese ({@link #chineseOf}; {@code firsts}, the first word's), combined in the order typed and kept
     * when the blog writes the combination as one term (its smartcn words next to each other in a post's title,
     * headings or prose), the {@link #COMPOSED_CHINESE} that the most posts write (memory model: 内存模型, of the
     * blog's 内存 for memory and the glossary's 模型 for model). A word's Chinese may be a single character
     * (optimistic lock: 乐观锁, of 乐观 and 锁), but not both words': two characters together could be any word.
     * The cost is bounded: ({@link #COMPOSING_SENSES} + {@link #COMPOSING_CHARACTERS}) squared phrases counted a pair.
     */
    private List<String> composedChinese(List<String> firsts, String second, Lexicon lexicon) throws IOException {
        if (!composable(second)) {
            return List.of();
        }
        List<String> seconds = chineseOf(second, lexicon);
        List<Lexicon.TermCount> written = new ArrayList<>();
        for (String a : firsts) {
            for (String b : seconds) {
                if (LoneCharacters.isSingle(a) && LoneCharacters.isSingle(b)) {
                    continue;
                }
                int posts = lexicon.phraseCount(String.join(" ", smartcnWords(a + b)), Lexicon.Where.PROSE);
                if (posts > 0) {
                    written.add(new Lexicon.TermCount(a + b, posts));
                }
            }
        }
        return Lexicon.TermCount.mostUsed(written, COMPOSED_CHINESE);
    }

    /**
     * Two English words typed apart as the one word the blog writes them as (leaf node: leafnode, which a post writes
     * as a setting's name; config map: ConfigMap), a variant of what was typed. Each word is read as typed and, while
     * it is being typed, as its {@link #COMPOSED_COMPLETIONS} likeliest completions (leaf nod: leafnode), which count
     * as much as the completion does. The cost is bounded: at most nine words looked up in the words fields.
     */
    private static List<QueryPlan.Form> joined(List<Reading> first, List<Reading> second, Lexicon lexicon)
            throws IOException {
        List<QueryPlan.Form> forms = new ArrayList<>();
        for (Reading a : likeliest(first)) {
            for (Reading b : likeliest(second)) {
                String word = a.text() + b.text();
                if (composable(a.text()) && composable(b.text()) && occurs(lexicon, word)) {
                    float weight = VARIANT_WEIGHT * Math.min(a.weight(), b.weight());
                    forms.add(new QueryPlan.Form(word, weight, QueryPlan.Kind.JOINED));
                }
            }
        }
        return forms;
    }

    /** A word's reading as typed, then its {@link #COMPOSED_COMPLETIONS} likeliest others. */
    private static List<Reading> likeliest(List<Reading> readings) {
        return readings.subList(0, Math.min(readings.size(), 1 + COMPOSED_COMPLETIONS));
    }

    /** Whether an English word's Chinese may make a term with another's: a word in Latin letters, not a stop word. */
    private static boolean composable(String word) {
        return isLatinWords(word) && !StopWords.isStopWord(word);
    }

    /**
     * An English word's Chinese to compose with: of the blog's glosses of it and the glossary's first words for it,
     * the {@link #COMPOSING_SENSES} that the most posts have as a word (model: 模型, not the glossary's first, 模特儿);
     * then of the glossary's characters for it, the {@link #COMPOSING_CHARACTERS} that the most posts have (lock: 锁).
     */
    private List<String> chineseOf(String english, Lexicon lexicon) throws IOException {
        Set<String> candidates = new LinkedHashSet<>(lexicon.glossChinese(english));
        List<String> glossary = translations.chinese(english);
        candidates.addAll(glossary.subList(0, Math.min(glossary.size(), CHINESE_CANDIDATES)));
        List<String> chinese = new ArrayList<>(mostUsed(candidates, PostFields.BODY, COMPOSING_SENSES, lexicon));
        List<String> characters = translations.characters(english);
        chinese.addAll(mostUsed(
                characters.subList(0, Math.min(characters.size(), CHINESE_CANDIDATES)),
                PostFields.bigramFieldOf(PostFields.BODY),
                COMPOSING_CHARACTERS,
                lexicon));
        return chinese;
    }

    /** Of {@code terms}, the {@code limit} that the most posts have in {@code field}. */
    private static List<String> mostUsed(Collection<String> terms, String field, int limit, Lexicon lexicon)
            throws IOException {
        List<Lexicon.TermCount> used = new ArrayList<>();
        for (String term : terms) {
            int posts = lexicon.docFreq(field, term);
            if (posts > 0) {
                used.add(new Lexicon.TermCount(term, posts));
            }
        }
        return Lexicon.TermCount.mostUsed(used, limit);
    }

    /**
     * Whether the blog has a Chinese word: every one of its bigrams in the posts' titles or prose (all of them in one
     * post is likely enough; a word that is in none costs only a query clause that matches nothing).
     */
    private static boolean occursInChinese(Lexicon lexicon, String chinese) throws IOException {
        int length = chinese.codePointCount(0, chinese.length());
        if (length < 2) {
            return false;
        }
        for (int i = 0; i + 1 < length; i++) {
            int from = chinese.offsetByCodePoints(0, i);
            String bigram = chinese.substring(from, chinese.offsetByCodePoints(from, 2));
            boolean found = false;
            for (String field : CHINESE_FIELDS) {
                if (lexicon.docFreq(field, bigram) > 0) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Letters and the spaces between them, no digit nor Chinese: what the glossary's English is written in. */
    static boolean isLatinWords(String text) {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letter = true;
            } else if (c != ' ' && c != '-') {
                return false;
            }
        }
        return letter;
    }

    /**
     * Whether the blog writes an English term of the glossary: a word it has, or a phrase it has as written (a
     * phrase query for one it never writes finds nothing, though it may have each word apart).
     */
    private static boolean writes(Lexicon lexicon, String en) throws IOException {
        return occursAll(lexicon, en)
                && (!en.contains(" ") || lexicon.phraseCount(en, Lexicon.Where.PROSE_AND_CODE) > 0);
    }

    /**
     * For a Chinese word the blog writes no English of, the last word of the glossary's English compounds of it that
     * the blog has: an English compound is named by its last word and narrowed by those before it (智能体, intelligent
     * agent: a blog that writes "AI agent" never writes "intelligent agent"). Only for a word of three characters or
     * more, which is mostly a modifier and a noun (智能体, 防火墙) whose two-word senses are the same; a two-character
     * word is basic vocabulary, whose two-word senses are as often a verb and what follows it (集群: clan together).
     * Only two-word senses: a longer one is as often a phrase of a verb (exceed the time limit).
     */
    private List<QueryPlan.Form> heads(String word, Lexicon lexicon) throws IOException {
        if (word.codePointCount(0, word.length()) < MIN_COMPOUND_CHARACTERS) {
            return List.of();
        }
        Set<String> heads = new LinkedHashSet<>();
        for (String en : translations.english(word)) {
            String[] words = en.split(" ");
            if (words.length == 2 && !StopWords.isStopWord(words[1]) && occurs(lexicon, words[1])) {
                heads.add(words[1]);
            }
        }
        return heads.stream()
                .map(head -> new QueryPlan.Form(head, HEAD_WEIGHT, QueryPlan.Kind.TRANSLATION))
                .toList();
    }

    /** Whether every word of an English term is in the blog. */
    private static boolean occursAll(Lexicon lexicon, String term) throws IOException {
        for (String word : term.split(" ")) {
            if (!word.isEmpty() && !occurs(lexicon, word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word with the forms that match it. A word being typed also matches the blog's words that start with it; a
     * finished word found nowhere is taken for a word it begins (cut short: {@code kubernet}) or, failing that, for
     * the closest word of the blog (misspelled: {@code kuberntes}). A word that is in the blog, or that begins words
     * of the blog while being typed, is never corrected.
     */
    private QueryPlan.Unit unit(
            String word,
            boolean beingTyped,
            Typing typing,
            boolean verbatim,
            Lexicon lexicon,
            List<QueryPlan.Rewrite> rewrites)
            throws IOException {
        List<QueryPlan.Form> forms = new ArrayList<>(alternatives(word));
        String lower = word.toLowerCase(Locale.ROOT);
        boolean english = isEnglishWord(word);
        if (english) {
            for (String variant : EnglishVariants.of(lower)) {
                boolean known = forms.stream().anyMatch(form -> form.text().equalsIgnoreCase(variant));
                if (!known && occurs(lexicon, variant)) {
                    forms.add(new QueryPlan.Form(variant, VARIANT_WEIGHT, QueryPlan.Kind.VARIANT));
                }
            }
        }
        if (verbatim) {
            return new QueryPlan.Unit(word, forms);
        }
        boolean unknown = forms.size() == 1 && !occurs(lexicon, lower);
        if (beingTyped) {
            String prefix = completable(lower);
            if (prefix.codePointCount(0, prefix.length()) >= MIN_COMPLETED_LENGTH) {
                Completing completing = completing(word, prefix, typing.others(), lexicon);
                List<WordCompleter.Completion> candidates = candidates(completing, typing.before(), lexicon);
                List<WordCompleter.Completion> completions = writtenFirst(
                        typing.before(),
                        completing,
                        candidates,
                        completions(completing, candidates, unknown, lexicon),
                        lexicon);
                QueryPlan.Kind kind = QueryPlan.Kind.COMPLETION;
                Lexicon.Context context = completing.context();
                if (completions.isEmpty() && context != null) {
                    completing = completing.withoutContext();
                    completions = completions(completing, candidates(completing, null, lexicon), unknown, lexicon);
                }
                if (completions.isEmpty() && unknown) {
                    completions = completer.correct(lexicon, prefix, CORRECTIONS_OF_A_PREFIX);
                    kind = QueryPlan.Kind.CORRECTION;
                    if (context != null && !completions.isEmpty()) {
                        completions = inContext(completions, context, lexicon);
                        if (completions.isEmpty()) {
                            // No correction is in a post with the other words: those words find the posts.
                            return new QueryPlan.Unit(word, forms);
                        }
                    }
                }
                if (!completions.isEmpty()) {
                    return withCompletions(
                            word, forms, completions, kind, unknown, lexicon, completing.context(), rewrites);
                }
            }
        }
        if (english && unknown) {
            if (word.length() >= MIN_CUT_SHORT_LENGTH) {
                List<WordCompleter.Completion> completions = completer.complete(lexicon, lower, completionsFor(lower));
                if (!completions.isEmpty()) {
                    return withCompletions(
                            word, forms, completions, QueryPlan.Kind.COMPLETION, true, lexicon, null, rewrites);
                }
            }
            Optional<String> corrected = typos.correct(lower, lexicon);
            if (corrected.isPresent()) {
                // The typed form matches nothing; the correction stands in for it, first.
                rewrites.add(new QueryPlan.Rewrite(word, corrected.get(), QueryPlan.Kind.CORRECTION));
                forms.add(0, new QueryPlan.Form(corrected.get(), CORRECTION_WEIGHT, QueryPlan.Kind.CORRECTION));
            }
        }
        return new QueryPlan.Unit(word, forms);
    }

    /**
     * The corrections of a word being typed that some post with the query's other words has. A beginning one letter
     * away from what was typed is a guess ({@code optimistic locki}: logkit); one that never stands beside the other
     * words only adds posts that match it alone, ranked by it above the posts of the words the reader did type.
     */
    private List<WordCompleter.Completion> inContext(
            List<WordCompleter.Completion> corrections, Lexicon.Context context, Lexicon lexicon) throws IOException {
        List<WordCompleter.Completion> kept = new ArrayList<>(corrections.size());
        for (WordCompleter.Completion correction : corrections) {
            if (completer.weight(lexicon, correction.word(), context) > 0) {
                kept.add(correction);
            }
        }
        return kept;
    }

    /**
     * A word being typed, ready to complete: the prefix of the whole word, the last part of an identifier and the
     * parts before it ({@code createDispat}: {@code create}, {@code dispat}), and the posts to count completions in.
     *
     * @param context the posts with the query's other words and the identifier's first parts; null for the blog
     */
    private record Completing(String prefix, String head, String part, Lexicon.Context context) {
        Completing withoutContext() {
            return new Completing(prefix, head, part, null);
        }
    }

    /**
     * Completions are counted in the posts that have the other words, when there are any and that costs little
     * (the identifier's parts are context too), else in the whole blog. They are from the first letters completed on:
     * the shorter the prefix, the more words it begins and the more the other words say which one is meant
     * ({@code bpf ma}: map, not max or may); {@link WordCompleter#affordableInContext} bounds what that costs.
     */
    private Completing completing(String word, String prefix, List<String> others, Lexicon lexicon) throws IOException {
        String typed = completable(word);
        int boundary = lastPartStart(typed);
        String head = boundary > 0 ? typed.substring(0, boundary).replaceAll("[-_./:]+$", "") : "";
        String part = boundary > 0 ? typed.substring(boundary).toLowerCase(Locale.ROOT) : "";
        List<String> context = new ArrayList<>(others);
        if (!head.isEmpty()) {
            context.addAll(List.of(head.toLowerCase(Locale.ROOT).split("[-_./:]+")));
        }
        boolean affordable = !context.isEmpty()
                && completer.affordableInContext(lexicon, prefix)
                && (part.isEmpty() || completer.affordableInContext(lexicon, part));
        return new Completing(prefix, head, part, affordable ? lexicon.context(context) : null);
    }

    /**
     * The blog's words the typed word may become: words that start with it and, for an identifier, its first parts
     * followed by words that start with its last part, as a phrase ({@code createDispat} is
     * {@code create dispatcher}, {@code proxy_pa} is {@code proxy pass}: the index holds an identifier's parts
     * beside the whole, but no term that starts with {@code createdispat}).
     */
    private List<WordCompleter.Completion> completions(
            Completing completing, List<WordCompleter.Completion> candidates, boolean unknown, Lexicon lexicon)
            throws IOException {
        String prefix = completing.prefix();
        List<WordCompleter.Completion> completions = new ArrayList<>();
        for (WordCompleter.Completion completion :
                candidates.subList(0, Math.min(completionsFor(prefix), candidates.size()))) {
            // cpupower/hwloc or proxy-arp hold the typed word as a part, which its typed form already matches.
            if (unknown || !WordCompleter.holdsAsAPart(prefix, completion.word())) {
                completions.add(completion);
            }
        }
        // An identifier the index holds whole is completed whole; one it holds only in parts, by its last part, from
        // the words of code when code has any (createDi: dispatcher, not the prose's different).
        if (completions.isEmpty()
                && !completing.part().isEmpty()
                && !completing.head().isEmpty()) {
            List<WordCompleter.Completion> parts = completer.complete(
                    lexicon, completing.part(), PART_COMPLETIONS, completing.context(), List.of(FieldWeights.CODE));
            if (parts.isEmpty()) {
                parts = completer.complete(lexicon, completing.part(), PART_COMPLETIONS, completing.context());
            }
            for (WordCompleter.Completion completion : parts) {
                completions.add(
                        new WordCompleter.Completion(completing.head() + " " + completion.word(), completion.weight()));
            }
        }
        return completions;
    }

    /**
     * The completions with, first, those the blog writes right after the word typed before ({@code git ref}: reflog,
     * as "git reflog" is written, before reference, which the posts about git use more): what the reader is typing
     * is most often a term or a command of the blog, and the word before says which far better than how much the
     * blog uses each word alone.
     */
    private List<WordCompleter.Completion> writtenFirst(
            String before,
            Completing completing,
            List<WordCompleter.Completion> candidates,
            List<WordCompleter.Completion> completions,
            Lexicon lexicon)
            throws IOException {
        // Asked first, so that a collection's shards are asked for the phrase counts in the same round as for
        // anything the completions lead to (GatheredLexicon answers nothing yet in the first rounds).
        List<WordCompleter.Completion> written = written(before, completing, candidates, lexicon);
        if (completions.isEmpty()) {
            return completions;
        }
        List<WordCompleter.Completion> first = new ArrayList<>(written);
        List<String> words = first.stream().map(WordCompleter.Completion::word).toList();
        for (WordCompleter.Completion completion : completions) {
            if (first.size() < completions.size() && !words.contains(completion.word())) {
                first.add(completion);
            }
        }
        return first;
    }

    /**
     * The blog's words that start with the prefix, most used first, counted in the context when there is one: enough
     * to complete it and, after a word, to find those written after that word. The one walk of the prefix's words a
     * keystroke makes.
     */
    private List<WordCompleter.Completion> candidates(Completing completing, String before, Lexicon lexicon)
            throws IOException {
        String prefix = completing.prefix();
        int wanted = completionsFor(prefix);
        if (writtenAfterApplies(before, completing)) {
            wanted = Math.max(wanted, WordCompleter.WRITTEN_CANDIDATES);
        }
        return completer.complete(lexicon, prefix, wanted, completing.context());
    }

    /** Completions written after {@code before} are looked for only where completions are counted in a context. */
    private static boolean writtenAfterApplies(String before, Completing completing) {
        return before != null && completing.context() != null;
    }

    /** Completions of {@code candidates} written after {@code before}. */
    private List<WordCompleter.Completion> written(
            String before, Completing completing, List<WordCompleter.Completion> candidates, Lexicon lexicon)
            throws IOException {
        if (!writtenAfterApplies(before, completing)) {
            return List.of();
        }
        return completer.writtenAfter(lexicon, before, completing.prefix(), candidates, WRITTEN_COMPLETIONS);
    }

    /**
     * A stop word being typed that is on its way to a word the blog writes right after the word before it
     * ({@code game the}: theory, as "game theory" is written): a unit standing for that word, reported as a
     * completion. A stop word alone is left out of the search; its completions by use alone (their, there) would
     * only narrow the posts to those with a common word.
     */
    private Optional<QueryPlan.Unit> onItsWay(
            String word, Typing typing, Lexicon lexicon, List<QueryPlan.Rewrite> rewrites) throws IOException {
        String prefix = completable(word.toLowerCase(Locale.ROOT));
        if (prefix.codePointCount(0, prefix.length()) < MIN_COMPLETED_LENGTH) {
            return Optional.empty();
        }
        Completing completing = completing(word, prefix, typing.others(), lexicon);
        List<WordCompleter.Completion> written =
                written(typing.before(), completing, candidates(completing, typing.before(), lexicon), lexicon);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withCompletions(
                word, new ArrayList<>(), written, QueryPlan.Kind.COMPLETION, true, lexicon, null, rewrites));
    }

    /** Where the last part of an identifier starts: after its last {@code - _ . / :}, or at its last capital. */
    private static int lastPartStart(String word) {
        for (int i = word.length() - 1; i > 0; i--) {
            char c = word.charAt(i);
            if (WordCompleter.isSeparator(word.charAt(i - 1)) && !WordCompleter.isSeparator(c)) {
                return i;
            }
            if (Character.isUpperCase(c) && Character.isLowerCase(word.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The unit's forms plus the blog's words it may become, each weighted by how likely the reader means it: how much
     * the blog uses it beside the most used of the typed word and its completions ({@code kube} is far less used than
     * {@code kubernetes}, so a post about Kubernetes ranks first; {@code es}, a known abbreviation, is used more than
     * any word it begins, whose posts then count little). The typed word, when the blog has it, keeps weight 1, so a
     * whole-word match of a finished word ranks first. When the typed form is in no post, the most used completion
     * stands in for it: it counts as typed, with its synonyms, and is reported as a rewrite.
     */
    private QueryPlan.Unit withCompletions(
            String word,
            List<QueryPlan.Form> forms,
            List<WordCompleter.Completion> completions,
            QueryPlan.Kind kind,
            boolean unknown,
            Lexicon lexicon,
            Lexicon.Context context,
            List<QueryPlan.Rewrite> rewrites)
            throws IOException {
        List<WordCompleter.Completion> ranked = new ArrayList<>(completions);
        // Corrections come closest first, which decides the best; completions, those written after the word before
        // first, then most used.
        if (kind == QueryPlan.Kind.COMPLETION) {
            ranked.sort(Comparator.comparing((WordCompleter.Completion completion) -> !completion.written())
                    .thenComparing(Comparator.comparingDouble(WordCompleter.Completion::weight)
                            .reversed()));
        }
        ranked = withoutLongerForms(ranked);
        double typed = 0;
        if (!unknown) {
            for (QueryPlan.Form form : forms) {
                typed = Math.max(typed, completer.weight(lexicon, form.text().toLowerCase(Locale.ROOT), context));
            }
        }
        double reference = typed;
        for (WordCompleter.Completion completion : ranked) {
            reference = Math.max(reference, completion.weight());
        }
        float most = unknown ? 1f : COMPLETION_WEIGHT;
        List<QueryPlan.Form> completed = new ArrayList<>();
        for (WordCompleter.Completion completion : ranked) {
            boolean best = completed.isEmpty() && unknown;
            // A word written after the one before counts as the likeliest, however little the blog uses it.
            float weight =
                    best || completion.written() ? most : most * (float) Math.sqrt(completion.weight() / reference);
            completed.add(new QueryPlan.Form(completion.word(), weight, kind));
        }
        if (!unknown) {
            forms.addAll(completed);
            return new QueryPlan.Unit(word, forms);
        }
        String best = ranked.get(0).word();
        rewrites.add(new QueryPlan.Rewrite(word, best, kind));
        for (String synonym : synonyms.of(best)) {
            completed.add(1, new QueryPlan.Form(synonym, SYNONYM_WEIGHT, QueryPlan.Kind.SYNONYM));
        }
        // The typed form, which matches nothing, goes last: the unit now stands for its best completion.
        completed.addAll(forms);
        return new QueryPlan.Unit(word, completed);
    }

    /**
     * The completions without those that are another of them and more, after a {@code - _ . / :}
     * ({@code cpupower/hwloc/lstopo} beside {@code cpupower}, {@code kubevirt/virt-api} beside {@code kubevirt}):
     * the index holds an identifier's parts beside the whole, so the shorter one already matches every post of the
     * longer. Kept, the longer one's rarer term would score its few posts above the posts the finished word ranks
     * first.
     */
    private static List<WordCompleter.Completion> withoutLongerForms(List<WordCompleter.Completion> completions) {
        List<WordCompleter.Completion> kept = new ArrayList<>(completions.size());
        for (WordCompleter.Completion completion : completions) {
            String word = completion.word();
            boolean longer = completions.stream()
                    .map(WordCompleter.Completion::word)
                    .anyMatch(other -> other.length() < word.length()
                            && word.startsWith(other)
                            && WordCompleter.isSeparator(word.charAt(other.length())));
            if (!longer) {
                kept.add(completion);
            }
        }
        return kept;
    }

    /** How many completions a prefix of this length brings: fewer for short ones, whose completions are common words. */
    private static int completionsFor(String prefix) {
        int length = prefix.codePointCount(0, prefix.length());
        return length <= 2 ? 3 : length == 3 ? 5 : MAX_COMPLETIONS;
    }

    /**
     * What a typed word is compared with the blog's words as: lower-cased (as the index holds words) without the
     * punctuation around it that no word starts or ends with ({@code (kub} is {@code kub}); a trailing {@code -},
     * {@code .} or {@code _} stays, since {@code redis-} is on its way to {@code redis-cli}.
     */
    private static String completable(String lower) {
        int start = 0;
        while (start < lower.length() && !Character.isLetterOrDigit(lower.codePointAt(start))) {
            start += Character.charCount(lower.codePointAt(start));
        }
        int end = lower.length();
        while (end > start) {
            int cp = lower.codePointBefore(end);
            if (Character.isLetterOrDigit(cp) || "-._+#".indexOf(cp) >= 0) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return lower.substring(start, end);
    }

    private List<QueryPlan.Form> alternatives(String text) {
        List<QueryPlan.Form> forms = new ArrayList<>();
        forms.add(new QueryPlan.Form(text, 1f, QueryPlan.Kind.TYPED));
        for (String synonym : synonyms.of(text)) {
            forms.add(new QueryPlan.Form(synonym, SYNONYM_WEIGHT, QueryPlan.Kind.SYNONYM));
        }
        return forms;
    }

    /**
     * The completion of the word being typed that finishes a phrase the synonyms know with the words before it
     * ({@code rate limi} is {@code rate limiting}, searched with its synonyms as when typed out), the most used such
     * completion first; none when no completion does. A phrase is matched whole, so the word typed so far would
     * otherwise search a lone word where the finished query searches a term in both languages.
     */
    private Optional<String> completionFinishingPhrase(List<String> words, Lexicon lexicon) throws IOException {
        if (words.size() < 2) {
            return Optional.empty();
        }
        String prefix = completable(words.get(words.size() - 1).toLowerCase(Locale.ROOT));
        if (prefix.codePointCount(0, prefix.length()) < MIN_COMPLETED_LENGTH) {
            return Optional.empty();
        }
        for (WordCompleter.Completion completion : completer.complete(lexicon, prefix, completionsFor(prefix))) {
            for (int n = Math.min(Synonyms.MAX_WORDS, words.size()); n >= 2; n--) {
                List<String> before = words.subList(words.size() - n, words.size() - 1);
                if (synonyms.contains(String.join(" ", before) + " " + completion.word())) {
                    return Optional.of(completion.word());
                }
            }
        }
        return Optional.empty();
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
    private List<String> splitWords(String chunk, List<String> together) {
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
                words.addAll(chineseWords(run, together));
            } else if (!run.isBlank()) {
                words.add(run);
            }
        }
        return words;
    }

    /**
     * A Chinese run as words: cut at its interrogatives first (如何在Istio中实现熔断 gives 在 and 中实现熔断, whatever
     * smartcn would make of 如何在), then each part segmented, its particles dropped and its lone characters joined to
     * their neighbours. A run of only question words and particles is searched as typed.
     */
    private List<String> chineseWords(String run, List<String> together) {
        List<String> parts = StopWords.splitAtQuestionWords(run);
        List<String> words = new ArrayList<>();
        for (String part : parts) {
            if (StopWords.isQuestionWord(part)) {
                continue;
            }
            List<String> partWords = contentWords(part, false);
            words.addAll(partWords);
            if (partWords.size() > 1) {
                // From its first word to its last: the particles around it are no part of what was typed together.
                String first = partWords.get(0);
                String last = partWords.get(partWords.size() - 1);
                int from = part.indexOf(first);
                int to = part.lastIndexOf(last) + last.length();
                if (from >= 0 && to > from + first.length()) {
                    together.add(part.substring(from, to));
                }
            }
        }
        if (words.isEmpty()) {
            // Only question words and particles: kept as such, for the query to drop if it has other words.
            for (String part : parts) {
                if (StopWords.isQuestionWord(part)) {
                    words.add(part);
                } else {
                    words.addAll(contentWords(part, true));
                }
            }
        }
        return words;
    }

    /** @param keepAll keep the particles when nothing else is left */
    private List<String> contentWords(String run, boolean keepAll) {
        List<String> segmented = smartcnWords(run);
        // Particles go first, so 的 in 项目的贡献者 does not glue 项目 to 贡献者.
        List<String> kept = withoutStopWords(segmented);
        if (kept.isEmpty() && keepAll) {
            kept = segmented;
        }
        List<String> joined = LoneCharacters.join(kept, run);
        // Characters smartcn cut apart may join into a stop word (一 个: 一个): dropped, as when smartcn cuts it whole.
        List<String> content = withoutStopWords(joined);
        return content.isEmpty() && keepAll ? joined : content;
    }

    private static List<String> withoutStopWords(List<String> words) {
        return words.stream().filter(word -> !StopWords.isStopWord(word)).toList();
    }

    /** Chinese text as smartcn cuts it in the posts' words fields. */
    private List<String> smartcnWords(String run) {
        List<String> segmented = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(PostFields.BODY, run)) {
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
        return segmented;
    }

    private static boolean occurs(Lexicon lexicon, String term) throws IOException {
        for (String field : TERM_FIELDS) {
            if (lexicon.docFreq(field, term) > 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isEnglishWord(String word) {
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
