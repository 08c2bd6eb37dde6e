package dev.blogsearch.query;

import dev.blogsearch.schema.FieldWeights;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOSupplier;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * The {@link Lexicon} of one index reader: the embedded index, or one shard of a collection. One per plan (it keeps the
 * posts of the contexts it was asked about); not thread-safe.
 */
public final class ReaderLexicon implements Lexicon {

    /**
     * Terms looked at per field before giving up on finding better ones: a one- or two-letter prefix can start
     * tens of thousands of words in a large blog, and the best completions of such a prefix are found among the
     * first of them often enough that walking all would cost more than it earns.
     */
    static final int MAX_TERMS_SCANNED = 20_000;

    /**
     * Postings walked at most to rank completions in context (about a millisecond's work): beyond, the words that
     * start with the prefix are too common for their context to be counted on every keystroke.
     */
    static final long MAX_CONTEXT_POSTINGS = 200_000;

    /** The fields a post's own sentences are in. */
    private static final List<String> PROSE_FIELDS = List.of(PostFields.TITLE, PostFields.HEADINGS, PostFields.BODY);

    private final IndexReader reader;
    private IndexSearcher searcher;
    private final IOSupplier<BlogGlosses> glosses;
    private final Map<List<String>, FixedBitSet> contexts = new HashMap<>();
    private BlogGlosses mined;

    /** @param glosses the reader's gloss pairs, asked for the first time they are needed */
    public ReaderLexicon(IndexReader reader, IOSupplier<BlogGlosses> glosses) {
        this.reader = reader;
        this.glosses = glosses;
    }

    @Override
    public int docFreq(String field, String term) throws IOException {
        return reader.docFreq(new Term(field, term));
    }

    @Override
    public int docCount(String field) throws IOException {
        return reader.getDocCount(field);
    }

    @Override
    public int maxDoc() {
        return reader.maxDoc();
    }

    @Override
    public List<TermCount> startingWith(String field, String prefix, int keep, Context context) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return List.of();
        }
        BytesRef start = new BytesRef(prefix);
        TermsEnum iterator = terms.iterator();
        if (iterator.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return List.of();
        }
        FixedBitSet posts = context == null ? null : posts(context);
        PostingsEnum postings = null;
        // The field's most used words only, without a string per word walked: a short prefix walks thousands.
        PriorityQueue<Candidate> best = new PriorityQueue<>(keep + 1, Comparator.comparingLong(Candidate::count));
        int scanned = 0;
        for (BytesRef term = iterator.term();
                term != null && StringHelper.startsWith(term, start) && scanned < MAX_TERMS_SCANNED;
                term = iterator.next(), scanned++) {
            if (term.length == start.length) {
                continue;
            }
            long count;
            if (posts == null) {
                count = iterator.docFreq();
            } else {
                postings = iterator.postings(postings, PostingsEnum.NONE);
                count = count(postings, posts);
            }
            if (count > 0 && (best.size() < keep || count > best.peek().count())) {
                best.add(new Candidate(BytesRef.deepCopyOf(term), count));
                if (best.size() > keep) {
                    best.poll();
                }
            }
        }
        List<TermCount> found = new ArrayList<>(best.size());
        for (Candidate candidate : best) {
            found.add(new TermCount(candidate.term().utf8ToString(), candidate.count()));
        }
        return found;
    }

    @Override
    public long postingsStartingWith(String prefix) throws IOException {
        BytesRef start = new BytesRef(prefix);
        long total = 0;
        for (FieldWeights field : FieldWeights.ALL) {
            Terms terms = MultiTerms.getTerms(reader, field.field());
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (iterator.seekCeil(start) == TermsEnum.SeekStatus.END) {
                continue;
            }
            int scanned = 0;
            for (BytesRef term = iterator.term();
                    term != null && StringHelper.startsWith(term, start);
                    term = iterator.next(), scanned++) {
                total += iterator.docFreq();
                if (total > MAX_CONTEXT_POSTINGS || scanned >= MAX_TERMS_SCANNED) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return total;
    }

    @Override
    public Context context(List<String> words) throws IOException {
        FixedBitSet all = null;
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            FixedBitSet with = postsWith(word);
            if (with.cardinality() == 0) {
                continue;
            }
            kept.add(word);
            if (all == null) {
                all = with;
            } else {
                all.and(with);
            }
        }
        if (all == null || all.cardinality() == 0) {
            return null;
        }
        Context context = new Context(kept);
        contexts.put(context.words(), all);
        return context;
    }

    /** The context's posts: those with every one of its words (a word no post has leaves none). */
    int contextSize(Context context) throws IOException {
        return posts(context).cardinality();
    }

    private FixedBitSet posts(Context context) throws IOException {
        FixedBitSet known = contexts.get(context.words());
        if (known != null) {
            return known;
        }
        FixedBitSet all = null;
        for (String word : context.words()) {
            FixedBitSet with = postsWith(word);
            if (all == null) {
                all = with;
            } else {
                all.and(with);
            }
        }
        if (all == null) {
            all = new FixedBitSet(reader.maxDoc());
        }
        contexts.put(context.words(), all);
        return all;
    }

    /** The posts with {@code word} in any searched field. */
    private FixedBitSet postsWith(String word) throws IOException {
        FixedBitSet with = new FixedBitSet(reader.maxDoc());
        BytesRef term = new BytesRef(word);
        PostingsEnum postings = null;
        for (FieldWeights field : FieldWeights.ALL) {
            Terms terms = MultiTerms.getTerms(reader, field.field());
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (iterator.seekExact(term)) {
                postings = iterator.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    with.set(doc);
                }
            }
        }
        return with;
    }

    @Override
    public int count(String field, String term, Context context) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return 0;
        }
        TermsEnum iterator = terms.iterator();
        if (!iterator.seekExact(new BytesRef(term))) {
            return 0;
        }
        return count(iterator.postings(null, PostingsEnum.NONE), posts(context));
    }

    private static int count(PostingsEnum postings, FixedBitSet posts) throws IOException {
        int count = 0;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (posts.get(doc)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public List<TermCount> nearBeginnings(String field, String typed) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null || typed.codePointCount(0, typed.length()) < 2) {
            return List.of();
        }
        int first = Character.charCount(typed.codePointAt(0));
        int edits = typed.length() >= 7 ? 2 : 1;
        Automaton beginning = Operations.concatenate(List.of(
                Automata.makeString(typed.substring(0, first)),
                new LevenshteinAutomata(typed.substring(first), true).toAutomaton(edits),
                Automata.makeAnyString()));
        CompiledAutomaton automaton =
                new CompiledAutomaton(beginning, false, true, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, false);
        TermsEnum iterator = automaton.getTermsEnum(terms);
        List<TermCount> found = new ArrayList<>();
        int scanned = 0;
        for (BytesRef term = iterator.next();
                term != null && scanned < MAX_TERMS_SCANNED;
                term = iterator.next(), scanned++) {
            found.add(new TermCount(term.utf8ToString(), iterator.docFreq()));
        }
        return found;
    }

    @Override
    public List<Suggestion> spellings(String field, String word, int limit) throws IOException {
        SuggestWord[] suggestions = TypoCorrector.SPELL_CHECKER.suggestSimilar(
                new Term(field, word), limit, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        List<Suggestion> found = new ArrayList<>(suggestions.length);
        for (SuggestWord suggestion : suggestions) {
            found.add(new Suggestion(suggestion.string, suggestion.score, suggestion.freq));
        }
        return found;
    }

    /**
     * A phrase query in each field {@code where} names, counted: the postings of its words and their positions, as a search for the
     * phrase reads them.
     */
    @Override
    public int phraseCount(String phrase, Where where) throws IOException {
        String[] words = phrase.split(" ");
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : PROSE_FIELDS) {
            any.add(new PhraseQuery(field, words), BooleanClause.Occur.SHOULD);
        }
        if (where == Where.PROSE_AND_CODE) {
            any.add(new PhraseQuery(PostFields.CODE, words), BooleanClause.Occur.SHOULD);
        }
        if (searcher == null) {
            searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
        }
        return searcher.count(any.build());
    }

    @Override
    public List<String> glossEnglish(String chinese) throws IOException {
        return glosses().english(chinese);
    }

    @Override
    public List<String> glossChinese(String english) throws IOException {
        return glosses().chinese(english);
    }

    private BlogGlosses glosses() throws IOException {
        if (mined == null) {
            mined = glosses.get();
        }
        return mined;
    }

    private record Candidate(BytesRef term, long count) {}
}
