package dev.blogsearch.query;

import dev.blogsearch.schema.FieldWeights;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * The words of the blog that a word being typed may become: {@code kub} is {@code kubernetes}, {@code kubectl},
 * {@code kubeadm}... Candidates are the index's own terms of every searched field, so nothing extra is indexed for
 * search as you type; they are ranked by how much the blog uses them, each field's document frequency counted
 * with its {@link FieldWeights} boost (a word of titles and tags outranks a word of the prose), and only the
 * {@code limit} best are kept, which bounds what a short prefix can cost: the query grows by at most that many
 * words, never by every word that starts with {@code k}.
 *
 * <p>When no word starts with what was typed ({@code kubr}), {@link #correct} looks for words whose beginning is one
 * edit away from it ({@link Lexicon#nearBeginnings}).
 *
 * <p>Stateless and thread-safe.
 */
final class WordCompleter {

    /** Per field, this many times the completions asked for are kept before the fields' weights are added up. */
    private static final int CANDIDATES_PER_LIMIT = 4;
    /** Completions looked at for those written after the word before. */
    static final int WRITTEN_CANDIDATES = 16;

    /** The characters between an identifier's parts ({@code kube-proxy}, {@code pg_hba.conf}, {@code a/b}). */
    private static final String SEPARATORS = "-_./:";

    /** Whether {@code c} separates an identifier's parts. */
    static boolean isSeparator(char c) {
        return SEPARATORS.indexOf(c) >= 0;
    }

    /**
     * Whether a completion holds what was typed as a part ({@code proxy-arp} for {@code proxy}), which the typed word
     * already matches: the index holds an identifier's parts beside the whole.
     */
    static boolean holdsAsAPart(String prefix, String completion) {
        return completion.length() > prefix.length() && isSeparator(completion.charAt(prefix.length()));
    }

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

    /**
     * A word of the blog and how much the blog uses it; {@code written} when the blog writes it right after the
     * query's word before it ({@code git ref}: reflog, as in "git reflog").
     */
    record Completion(String word, double weight, boolean written) {
        Completion(String word, double weight) {
            this(word, weight, false);
        }

        Completion asWritten() {
            return new Completion(word, weight, true);
        }
    }

    /**
     * Up to {@code limit} words of the blog that start with {@code prefix} (lower-cased, as the index holds words)
     * and are longer than it, most used first: in the whole blog, or, given a context, in the posts that have the
     * query's other words (with {@code git}, {@code ref} is {@code reflog}; alone, {@code reference}).
     */
    List<Completion> complete(Lexicon lexicon, String prefix, int limit, Lexicon.Context context) throws IOException {
        return complete(lexicon, prefix, limit, context, FieldWeights.ALL);
    }

    /** Counted in {@code fields} only. */
    List<Completion> complete(
            Lexicon lexicon, String prefix, int limit, Lexicon.Context context, List<FieldWeights> fields)
            throws IOException {
        Map<String, Double> weights = new HashMap<>();
        for (FieldWeights field : fields) {
            for (Lexicon.TermCount candidate :
                    lexicon.startingWith(field.field(), prefix, CANDIDATES_PER_LIMIT * limit, context)) {
                weights.merge(candidate.term(), (double) field.boost() * candidate.count(), Double::sum);
            }
        }
        return best(weights, limit);
    }

    /**
     * Up to {@code limit} words of the blog that start with {@code prefix} and that it writes right after
     * {@code before}, in its prose or its code ({@code git} and {@code ref}: reflog, as "git reflog" is written),
     * the most written first, found among {@code candidates} (its completions most used in the context, at most
     * {@link #WRITTEN_CANDIDATES}: what bounds the phrase counts a keystroke costs). A stop word is no such word
     * ({@code game their}), nor a plural or singular of one already found ({@code bpf maps} after {@code bpf map}: the
     * same term).
     */
    List<Completion> writtenAfter(Lexicon lexicon, String before, String prefix, List<Completion> candidates, int limit)
            throws IOException {
        record Written(Completion completion, int posts) {}
        List<Written> written = new ArrayList<>();
        for (Completion candidate : candidates) {
            String word = candidate.word();
            if (holdsAsAPart(prefix, word) || StopWords.isStopWord(word)) {
                continue;
            }
            int posts = lexicon.phraseCount(before + " " + word, Lexicon.Where.PROSE_AND_CODE);
            if (posts > 0) {
                written.add(new Written(candidate.asWritten(), posts));
            }
        }
        written.sort(Comparator.comparingInt(Written::posts).reversed());
        List<Completion> kept = new ArrayList<>();
        for (Written each : written) {
            String word = each.completion().word();
            boolean variant = kept.stream()
                    .anyMatch(other -> EnglishVariants.of(other.word()).contains(word));
            if (!variant && kept.size() < limit) {
                kept.add(each.completion());
            }
        }
        return kept;
    }

    /** In the whole blog. */
    List<Completion> complete(Lexicon lexicon, String prefix, int limit) throws IOException {
        return complete(lexicon, prefix, limit, null);
    }

    /**
     * Whether completing {@code prefix} in a context costs little: the postings of every word that starts with it
     * are walked to count those in the context, which a short or common prefix makes too many for every keystroke.
     */
    boolean affordableInContext(Lexicon lexicon, String prefix) throws IOException {
        return !prefix.isEmpty() && lexicon.postingsStartingWith(prefix) <= ReaderLexicon.MAX_CONTEXT_POSTINGS;
    }

    /**
     * How much the blog uses a word, counted as completions are: its posts in each searched field (those in the
     * context only, when there is one), weighted as the field is.
     */
    double weight(Lexicon lexicon, String word, Lexicon.Context context) throws IOException {
        double weight = 0;
        for (FieldWeights field : FieldWeights.ALL) {
            weight += field.boost()
                    * (context == null
                            ? lexicon.docFreq(field.field(), word)
                            : lexicon.count(field.field(), word, context));
        }
        return weight;
    }

    /**
     * Up to {@code limit} words of the blog whose beginning is one edit (two for longer input) away from {@code typed},
     * most used first; the first letter must match, as people rarely mistype it. For a word being typed that no word
     * of the blog starts with.
     */
    List<Completion> correct(Lexicon lexicon, String typed, int limit) throws IOException {
        if (typed.codePointCount(0, typed.length()) < 3) {
            return List.of();
        }
        Map<String, Double> weights = new HashMap<>();
        for (FieldWeights field : FieldWeights.ALL) {
            for (Lexicon.TermCount near : lexicon.nearBeginnings(field.field(), typed)) {
                weights.merge(near.term(), (double) field.boost() * near.count(), Double::sum);
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
