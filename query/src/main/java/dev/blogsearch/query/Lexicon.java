package dev.blogsearch.query;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * What planning a query reads from a blog's index: how many posts have a word, the words that start with what is
 * being typed, the words close to a misspelled one, and the term pairs the blog glosses itself with. The embedded
 * index answers from its reader ({@link ReaderLexicon}); a collection split into shards answers from all of them at
 * once ({@link GatheredLexicon}), so the query is planned once, with the whole blog's words, and every shard searches
 * the same plan.
 */
public interface Lexicon {

    /** A word of the blog and how many posts have it (in a field, or in a context). */
    record TermCount(String term, long count) {

        /**
         * The terms of {@code counted} that the most posts have, at most {@code keep}; of as many, in the order
         * counted (the likelier senses first, where senses were counted).
         */
        static List<String> mostUsed(List<TermCount> counted, int keep) {
            return counted.stream()
                    .sorted(Comparator.comparingLong(TermCount::count).reversed())
                    .limit(keep)
                    .map(TermCount::term)
                    .toList();
        }
    }

    /** A spelling suggestion: the word, how close it is to what was typed (1 the same), how many posts have it. */
    record Suggestion(String term, float score, int freq) {}

    /**
     * The posts that have every one of {@code words}, each in any searched field: what the other words of a query
     * narrow a word being typed to. Made by {@link #context}, which leaves out the words no post has.
     */
    record Context(List<String> words) {
        public Context {
            words = List.copyOf(words);
        }
    }

    /** Posts with {@code term} in {@code field} (deleted ones until merged away, as Lucene counts them). */
    int docFreq(String field, String term) throws IOException;

    /** Posts with any word in {@code field} (deleted ones until merged away): {@code IndexReader.getDocCount}. */
    int docCount(String field) throws IOException;

    /** Posts, deleted ones until merged away: {@code IndexReader.maxDoc}. */
    int maxDoc() throws IOException;

    /**
     * Up to {@code keep} of the field's words that start with {@code prefix} and are longer, the most used first (in
     * no promised order), counted in the posts of {@code context} or, when it is null, in the whole blog; a word
     * with no post is left out.
     */
    List<TermCount> startingWith(String field, String prefix, int keep, Context context) throws IOException;

    /**
     * Postings of the words that start with {@code prefix} over every searched field, or {@link Long#MAX_VALUE} when
     * there are more than counting them in a context affords: what a walk of them costs.
     */
    long postingsStartingWith(String prefix) throws IOException;

    /** The context of {@code words}, without the words no post has; null when none is left or no post has them all. */
    Context context(List<String> words) throws IOException;

    /** Posts of {@code context} with {@code term} in {@code field}. */
    int count(String field, String term, Context context) throws IOException;

    /**
     * The field's words whose beginning is one edit ({@code typed} of 7 letters or more: two) away from
     * {@code typed}, same first letter, with their posts.
     */
    List<TermCount> nearBeginnings(String field, String typed) throws IOException;

    /** Up to {@code limit} of the field's words close to {@code word}, when no post has it; none when one does. */
    List<Suggestion> spellings(String field, String word, int limit) throws IOException;

    /** Where a phrase is looked for. */
    enum Where {
        /** A post's own sentences: title, headings, prose. Whether the blog writes words as one term. */
        PROSE,
        /** Those and its code: whether the blog writes words one after the other, as a command too (git reflog). */
        PROSE_AND_CODE
    }

    /**
     * Posts that have the words of {@code phrase} (lower-cased, separated by spaces) next to each other, in that
     * order, {@code where}: whether, and how much, the blog writes them so.
     */
    int phraseCount(String phrase, Where where) throws IOException;

    /** The English terms the blog glosses a Chinese word with ({@link BlogGlosses#english}). */
    List<String> glossEnglish(String chinese) throws IOException;

    /** The Chinese terms the blog glosses an English term with ({@link BlogGlosses#chinese}). */
    List<String> glossChinese(String english) throws IOException;
}
