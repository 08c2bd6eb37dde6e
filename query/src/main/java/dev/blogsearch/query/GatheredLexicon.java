package dev.blogsearch.query;

import dev.blogsearch.schema.FieldWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link Lexicon} of a collection split into shards, made of the shards' answers, so a query is planned once with
 * the whole blog's words and every shard searches that one plan: a shard alone would complete, correct and gloss with
 * its own posts' words, and the shards would search different queries.
 *
 * <p>Planning asks its questions one after the other, and which one comes next depends on the answers. So the
 * aggregating node plans in rounds: {@link QueryPlanner#plan} runs on what is known, each question not yet answered
 * is {@link #missing() recorded} and gets a neutral answer (no post, no word), the missing questions go to every
 * shard in one request, their answers are {@link #add added}, and planning runs again, until a round asks nothing
 * new (a handful of rounds: the words, then their completions or corrections, then the counts of those). A round
 * that already lacks a word's posts asks no costly question (completions, corrections) on their neutral answer.
 *
 * <p>The answers add up to the embedded index's: posts are counted on the shard that holds them, and the blog's
 * glosses are the union of every shard's (as the embedded index's are the union of its segments'). The words a prefix
 * starts are each shard's most used, then counted exactly over all shards: a word used a little on every shard
 * but most on none could be missed. Not thread-safe: one per query.
 */
public final class GatheredLexicon implements Lexicon {

    /** Questions whose answer is a matter of a few terms' postings: asked even on a round that guesses. */
    private static final Set<Lookup.Kind> CHEAP = Set.of(
            Lookup.Kind.DOC_FREQ,
            Lookup.Kind.DOC_COUNT,
            Lookup.Kind.MAX_DOC,
            Lookup.Kind.COUNT,
            Lookup.Kind.CONTEXT_SIZE,
            Lookup.Kind.POSTINGS_STARTING_WITH,
            Lookup.Kind.PHRASE_COUNT,
            Lookup.Kind.GLOSS_ENGLISH,
            Lookup.Kind.GLOSS_CHINESE);

    /** Spelling suggestions asked of each shard, to merge into the collection's best. */
    private static final int SPELLINGS_PER_SHARD = 5;

    private final int shards;
    private final Map<Lookup, List<String>> answers = new HashMap<>();
    private final Set<Lookup> missing = new LinkedHashSet<>();
    private boolean guessing;

    /** @param shards how many shards answer each question */
    public GatheredLexicon(int shards) {
        this.shards = shards;
    }

    /** Forgets what the last round missed, before planning again. */
    public void newRound() {
        missing.clear();
        guessing = false;
    }

    /** The questions the last round asked without an answer, for every shard to answer. */
    public List<Lookup> missing() {
        return List.copyOf(missing);
    }

    /** The shards' answers ({@link Lookup#answer}) to a question, in the order of the shards' names. */
    public void add(Lookup lookup, List<String> shardAnswers) {
        answers.put(lookup, List.copyOf(shardAnswers));
    }

    /** Every shard's answer, or null (recorded as missing) when there is none yet. */
    private List<String> answers(Lookup lookup) {
        List<String> known = answers.get(lookup);
        if (known != null) {
            return known;
        }
        if (CHEAP.contains(lookup.kind())) {
            missing.add(lookup);
            guessing = true;
        } else if (!guessing) {
            missing.add(lookup);
        }
        return null;
    }

    private long sum(Lookup lookup) {
        List<String> known = answers(lookup);
        long sum = 0;
        if (known != null) {
            for (String answer : known) {
                long value = Long.parseLong(answer);
                if (value == Long.MAX_VALUE) {
                    return Long.MAX_VALUE;
                }
                sum += value;
            }
        }
        return sum;
    }

    private static Lookup lookup(Lookup.Kind kind, String field, String text, int limit, Context context) {
        return new Lookup(kind, field, text, limit, context == null ? null : context.words());
    }

    @Override
    public int docFreq(String field, String term) {
        return (int) sum(lookup(Lookup.Kind.DOC_FREQ, field, term, 0, null));
    }

    @Override
    public int docCount(String field) {
        return (int) sum(lookup(Lookup.Kind.DOC_COUNT, field, "", 0, null));
    }

    @Override
    public int maxDoc() {
        return (int) sum(lookup(Lookup.Kind.MAX_DOC, "", "", 0, null));
    }

    @Override
    public List<TermCount> startingWith(String field, String prefix, int keep, Context context) {
        List<String> known = answers(lookup(Lookup.Kind.STARTING_WITH, field, prefix, keep, context));
        if (known == null) {
            return List.of();
        }
        Map<String, long[]> candidates = new LinkedHashMap<>();
        for (String answer : known) {
            for (TermCount count : Lookup.termCounts(answer)) {
                long[] total = candidates.computeIfAbsent(count.term(), term -> new long[2]);
                total[0] += count.count();
                total[1]++;
            }
        }
        List<TermCount> counted = new ArrayList<>(candidates.size());
        for (Map.Entry<String, long[]> candidate : candidates.entrySet()) {
            String term = candidate.getKey();
            // A word every shard reported is counted; another is asked of all.
            long count = candidate.getValue()[1] == shards
                    ? candidate.getValue()[0]
                    : context == null ? docFreq(field, term) : count(field, term, context);
            if (count > 0) {
                counted.add(new TermCount(term, count));
            }
        }
        counted.sort(Comparator.comparingLong(TermCount::count).reversed().thenComparing(TermCount::term));
        return List.copyOf(counted.subList(0, Math.min(keep, counted.size())));
    }

    @Override
    public long postingsStartingWith(String prefix) {
        return sum(lookup(Lookup.Kind.POSTINGS_STARTING_WITH, "", prefix, 0, null));
    }

    @Override
    public Context context(List<String> words) {
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            long posts = 0;
            for (FieldWeights field : FieldWeights.ALL) {
                posts += docFreq(field.field(), word);
            }
            if (posts > 0) {
                kept.add(word);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        Context context = new Context(kept);
        return sum(lookup(Lookup.Kind.CONTEXT_SIZE, "", "", 0, context)) > 0 ? context : null;
    }

    @Override
    public int count(String field, String term, Context context) {
        return (int) sum(lookup(Lookup.Kind.COUNT, field, term, 0, context));
    }

    @Override
    public List<TermCount> nearBeginnings(String field, String typed) {
        List<String> known = answers(lookup(Lookup.Kind.NEAR_BEGINNINGS, field, typed, 0, null));
        if (known == null) {
            return List.of();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String answer : known) {
            for (TermCount count : Lookup.termCounts(answer)) {
                counts.merge(count.term(), count.count(), Long::sum);
            }
        }
        List<TermCount> near = new ArrayList<>(counts.size());
        counts.forEach((term, count) -> near.add(new TermCount(term, count)));
        return near;
    }

    @Override
    public List<Suggestion> spellings(String field, String word, int limit) {
        List<String> known =
                answers(lookup(Lookup.Kind.SPELLINGS, field, word, Math.max(limit, SPELLINGS_PER_SHARD), null));
        if (known == null) {
            return List.of();
        }
        Map<String, Suggestion> merged = new LinkedHashMap<>();
        for (String answer : known) {
            List<String> flat = Fields.decode(answer);
            for (int i = 0; i + 2 < flat.size(); i += 3) {
                Suggestion suggestion = new Suggestion(
                        flat.get(i), Float.parseFloat(flat.get(i + 1)), Integer.parseInt(flat.get(i + 2)));
                merged.merge(
                        suggestion.term(),
                        suggestion,
                        (a, b) -> new Suggestion(a.term(), Math.max(a.score(), b.score()), a.freq() + b.freq()));
            }
        }
        // As the spell checker ranks: closest, then most used, then alphabetically.
        List<Suggestion> ranked = new ArrayList<>(merged.values());
        ranked.sort(Comparator.comparingDouble((Suggestion s) -> -s.score())
                .thenComparing(Comparator.comparingInt(Suggestion::freq).reversed())
                .thenComparing(Suggestion::term));
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    @Override
    public int phraseCount(String phrase, Where where) {
        return (int) sum(lookup(Lookup.Kind.PHRASE_COUNT, where.name(), phrase, 0, null));
    }

    @Override
    public List<String> glossEnglish(String chinese) {
        return union(answers(lookup(Lookup.Kind.GLOSS_ENGLISH, "", chinese, 0, null)));
    }

    @Override
    public List<String> glossChinese(String english) {
        return union(answers(lookup(Lookup.Kind.GLOSS_CHINESE, "", english, 0, null)));
    }

    private static List<String> union(List<String> known) {
        if (known == null) {
            return List.of();
        }
        Set<String> all = new LinkedHashSet<>();
        for (String answer : known) {
            all.addAll(Fields.decode(answer));
        }
        return List.copyOf(all);
    }
}
