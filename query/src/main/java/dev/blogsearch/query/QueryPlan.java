package dev.blogsearch.query;

import java.util.List;

/**
 * How a query is understood, before it becomes a Lucene query: the units a post should match (words, Chinese
 * words, phrases), each with the forms that count as a match, the excluded units, tag filters, and the words that
 * were searched as something else than typed (a typo corrected, a word being typed completed).
 *
 * @param units       what a post should match; all of them rank first, some of them after
 * @param excluded    what a post must not match
 * @param tags        tags named with {@code tag:} in the query
 * @param categories  categories named with {@code category:} in the query
 * @param rewrites    words searched as another word of the blog: corrected, or completed while being typed
 * @param together    Chinese text of two words or more that the reader typed in one piece ({@code 流量镜像}, the
 *                    words 流量 and 镜像), as typed and in the English found for it whole (traffic mirroring):
 *                    posts that have it so rank above posts that have the words apart; and English words typed one
 *                    after the other that have a Chinese term as a whole (memory model: 内存模型), in that term
 *                    only, for their proximity in English is already a bonus
 */
public record QueryPlan(
        List<Unit> units,
        List<Unit> excluded,
        List<String> tags,
        List<String> categories,
        List<Rewrite> rewrites,
        List<Unit> together) {

    public QueryPlan {
        together = List.copyOf(together);
    }

    /** A plan with no text typed in one piece. */
    public QueryPlan(
            List<Unit> units, List<Unit> excluded, List<String> tags, List<String> categories, List<Rewrite> rewrites) {
        this(units, excluded, tags, categories, rewrites, List.of());
    }

    /**
     * One thing the reader asked for.
     *
     * @param text         as typed (a Chinese word as segmented from the reader's text)
     * @param alternatives the forms that match it, the primary one first: the typed form (or, when the typed form
     *                     is in no post, its correction or its most used completion), then synonyms, plural forms and
     *                     other completions
     */
    public record Unit(String text, List<Form> alternatives) {

        /** The form that best stands for the unit: the typed one, or what it was searched as when it matches nothing. */
        public String primary() {
            return alternatives.isEmpty() ? text : alternatives.get(0).text();
        }
    }

    /**
     * A form of a unit and how much a match of it counts beside the typed form.
     *
     * @param text   the text to match, analysed like the post
     * @param weight 1 for the typed form, less for derived forms
     * @param kind   where the form comes from
     */
    public record Form(String text, float weight, Kind kind) {}

    /** Where a form of a unit comes from. */
    public enum Kind {
        TYPED,
        SYNONYM,
        VARIANT,
        /** A word of the blog close to a typed word that is in no post. */
        CORRECTION,
        /** A word of the blog that starts with the word being typed. */
        COMPLETION,
        /** The other language's term the blog itself puts beside the word: 熔断（circuit breaker）. */
        GLOSS,
        /** The English of a Chinese word from the general glossary, when the blog has it. */
        TRANSLATION,
        /**
         * The English of Chinese words typed together that have none of their own, composed of each word's glossary
         * English, when the blog writes it as a phrase (服务发现: service discovery).
         */
        COMPOSED,
        /**
         * The abbreviation the blog writes right beside an English term found for the query: RTO (retransmission
         * timeout).
         */
        ABBREVIATION,
        /** Two English words typed apart that the blog writes as one word: leaf node, leafnode. */
        JOINED
    }

    /**
     * A typed word searched as another word of the blog.
     *
     * @param typed    as typed
     * @param searched the word it was searched as (for a completion, the most used of those searched)
     * @param kind     {@link Kind#CORRECTION} or {@link Kind#COMPLETION}
     */
    public record Rewrite(String typed, String searched, Kind kind) {}

    /** The typo corrections among the rewrites. */
    public List<Rewrite> corrections() {
        return rewrites.stream()
                .filter(rewrite -> rewrite.kind() == Kind.CORRECTION)
                .toList();
    }
}
