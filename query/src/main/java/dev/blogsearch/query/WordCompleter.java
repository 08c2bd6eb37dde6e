package dev.blogsearch.query;

import dev.blogsearch.schema.FieldWeights;
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
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * The words of the blog that a word being typed may become: {@code kub} is {@code kubernetes}, {@code kubectl},
 * {@code kubeadm}... Candidates are the index's own terms of every searched field, so nothing extra is indexed for
 * search as you type; they are ranked by how much the blog uses them, each field's document frequency counted
 * with its {@link FieldWeights} boost (a word of titles and tags outranks a word of the prose), and only the
 * {@code limit} best are kept, which bounds what a short prefix can cost: the query grows by at most that many
 * words, never by every word that starts with {@code k}.
 *
 * <p>When no word starts with what was typed ({@code kubr}), {@link #correct} looks for words whose beginning is one
 * edit away from it (a Levenshtein automaton followed by anything, intersected with the terms dictionary).
 *
 * <p>Stateless and thread-safe.
 */
final class WordCompleter {

    /**
     * Terms looked at per field before giving up on finding better ones: a one- or two-letter prefix can start
     * tens of thousands of words in a large blog, and the best completions of such a prefix are found among the
     * first of them often enough that walking all would cost more than it earns.
     */
    private static final int MAX_TERMS_SCANNED = 20_000;

    /**
     * Postings walked at most to rank completions in context (about a millisecond's work): beyond, the words that
     * start with the prefix are too common for their context to be counted on every keystroke.
     */
    private static final long MAX_CONTEXT_POSTINGS = 200_000;

    /** Per field, this many times the completions asked for are kept before the fields' weights are added up. */
    private static final int CANDIDATES_PER_LIMIT = 4;

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

    /** A word of the blog and how much the blog uses it. */
    record Completion(String word, double weight) {}

    /**
     * Up to {@code limit} words of the blog that start with {@code prefix} (lower-cased, as the index holds words)
     * and are longer than it, most used first: in the whole blog, or, given a context, in the posts that have the
     * query's other words (with {@code git}, {@code ref} is {@code reflog}; alone, {@code reference}).
     */
    List<Completion> complete(IndexReader reader, String prefix, int limit, Context context) throws IOException {
        return collect(reader, prefix, limit, context);
    }

    /** In the whole blog. */
    List<Completion> complete(IndexReader reader, String prefix, int limit) throws IOException {
        return collect(reader, prefix, limit, null);
    }

    /**
     * Whether completing {@code prefix} in a context costs little: the postings of every word that starts with it
     * are walked to count those in the context, which a short or common prefix makes too many for every keystroke.
     */
    boolean affordableInContext(IndexReader reader, String prefix) throws IOException {
        return !prefix.isEmpty() && postingsOf(reader, prefix) <= MAX_CONTEXT_POSTINGS;
    }

    private List<Completion> collect(IndexReader reader, String prefix, int limit, Context context) throws IOException {
        BytesRef start = new BytesRef(prefix);
        Map<String, Double> weights = new HashMap<>();
        PostingsEnum postings = null;
        for (FieldWeights field : FieldWeights.ALL) {
            Terms terms = MultiTerms.getTerms(reader, field.field());
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (iterator.seekCeil(start) == TermsEnum.SeekStatus.END) {
                continue;
            }
            // The field's most used words only, without a string per word walked: a short prefix walks thousands.
            int kept = CANDIDATES_PER_LIMIT * limit;
            PriorityQueue<Candidate> best = new PriorityQueue<>(kept + 1, Comparator.comparingInt(Candidate::docFreq));
            int scanned = 0;
            for (BytesRef term = iterator.term();
                    term != null && StringHelper.startsWith(term, start) && scanned < MAX_TERMS_SCANNED;
                    term = iterator.next(), scanned++) {
                if (term.length == start.length) {
                    continue;
                }
                int count;
                if (context == null) {
                    count = iterator.docFreq();
                } else {
                    postings = iterator.postings(postings, PostingsEnum.NONE);
                    count = context.count(postings);
                }
                if (count > 0 && (best.size() < kept || count > best.peek().docFreq())) {
                    best.add(new Candidate(BytesRef.deepCopyOf(term), count));
                    if (best.size() > kept) {
                        best.poll();
                    }
                }
            }
            for (Candidate candidate : best) {
                weights.merge(
                        candidate.term().utf8ToString(), (double) field.boost() * candidate.docFreq(), Double::sum);
            }
        }
        return best(weights, limit);
    }

    /** Postings of the words that start with {@code prefix}, over every searched field: what a walk of them costs. */
    private static long postingsOf(IndexReader reader, String prefix) throws IOException {
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

    /**
     * The posts that have every one of some words, in any searched field: what the other words of a query narrow
     * completions to. Words found in no post are left out rather than leaving no post.
     */
    static final class Context {

        private final FixedBitSet posts;

        private Context(FixedBitSet posts) {
            this.posts = posts;
        }

        /** The posts with all of {@code words}, or null when no word is in the blog or no post has them all. */
        static Context of(IndexReader reader, List<String> words) throws IOException {
            FixedBitSet all = null;
            PostingsEnum postings = null;
            for (String word : words) {
                FixedBitSet with = new FixedBitSet(reader.maxDoc());
                BytesRef term = new BytesRef(word);
                for (FieldWeights field : FieldWeights.ALL) {
                    Terms terms = MultiTerms.getTerms(reader, field.field());
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum iterator = terms.iterator();
                    if (iterator.seekExact(term)) {
                        postings = iterator.postings(postings, PostingsEnum.NONE);
                        for (int doc = postings.nextDoc();
                                doc != DocIdSetIterator.NO_MORE_DOCS;
                                doc = postings.nextDoc()) {
                            with.set(doc);
                        }
                    }
                }
                if (with.cardinality() == 0) {
                    continue;
                }
                if (all == null) {
                    all = with;
                } else {
                    all.and(with);
                }
            }
            return all == null || all.cardinality() == 0 ? null : new Context(all);
        }

        /** How many of the posts in {@code postings} are in the context. */
        int count(PostingsEnum postings) throws IOException {
            int count = 0;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (posts.get(doc)) {
                    count++;
                }
            }
            return count;
        }
    }

    private record Candidate(BytesRef term, int docFreq) {}

    /**
     * How much the blog uses a word, counted as completions are: its posts in each searched field (those in the
     * context only, when there is one), weighted as the field is.
     */
    double weight(IndexReader reader, String word, Context context) throws IOException {
        double weight = 0;
        PostingsEnum postings = null;
        BytesRef term = new BytesRef(word);
        for (FieldWeights field : FieldWeights.ALL) {
            if (context == null) {
                weight += field.boost() * reader.docFreq(new Term(field.field(), term));
                continue;
            }
            Terms terms = MultiTerms.getTerms(reader, field.field());
            if (terms != null) {
                TermsEnum iterator = terms.iterator();
                if (iterator.seekExact(term)) {
                    postings = iterator.postings(postings, PostingsEnum.NONE);
                    weight += field.boost() * context.count(postings);
                }
            }
        }
        return weight;
    }

    /**
     * Up to {@code limit} words of the blog whose beginning is one edit (two for longer input) away from {@code typed},
     * most used first; the first letter must match, as people rarely mistype it. For a word being typed that no word
     * of the blog starts with.
     */
    List<Completion> correct(IndexReader reader, String typed, int limit) throws IOException {
        if (typed.codePointCount(0, typed.length()) < 3) {
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
        Map<String, Double> weights = new HashMap<>();
        for (FieldWeights field : FieldWeights.ALL) {
            Terms terms = MultiTerms.getTerms(reader, field.field());
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = automaton.getTermsEnum(terms);
            int scanned = 0;
            for (BytesRef term = iterator.next();
                    term != null && scanned < MAX_TERMS_SCANNED;
                    term = iterator.next(), scanned++) {
                weights.merge(term.utf8ToString(), (double) field.boost() * iterator.docFreq(), Double::sum);
            }
        }
        // Closest first, then most used: kubevr is kubevirt (one letter replaced) before kubernetes (kuber, with a
        // stray v), however much more the blog says kubernetes.
        List<Completion> all = new ArrayList<>();
        weights.forEach((word, weight) -> all.add(new Completion(word, weight)));
        all.sort(Comparator.comparingDouble((Completion completion) -> -closeness(typed, completion.word()))
                .thenComparing(Comparator.comparingDouble(Completion::weight).reversed())
                .thenComparing(Completion::word));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /**
     * How close the beginning of {@code word} is to {@code typed} (1 the same): the best similarity of the word's
     * beginnings one letter shorter, as long, and one letter longer than what was typed, the same length counting a
     * little more, since a mistyped letter is likelier than one too many or too few.
     */
    private static double closeness(String typed, String word) {
        double best = 0;
        for (int extra = -1; extra <= 1; extra++) {
            int length = typed.length() + extra;
            if (length > 0 && length <= word.length()) {
                double similarity = DISTANCE.getDistance(typed, word.substring(0, length)) - (extra == 0 ? 0 : 0.01);
                best = Math.max(best, similarity);
            }
        }
        return best;
    }

    private static List<Completion> best(Map<String, Double> weights, int limit) {
        List<Completion> all = new ArrayList<>(weights.size());
        weights.forEach((word, weight) -> all.add(new Completion(word, weight)));
        // Ties go to the shorter word, then alphabetically, so the answer does not depend on the map's order.
        all.sort(Comparator.comparingDouble(Completion::weight)
                .reversed()
                .thenComparingInt(completion -> completion.word().length())
                .thenComparing(Completion::word));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
