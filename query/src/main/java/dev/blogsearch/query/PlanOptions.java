package dev.blogsearch.query;

/**
 * How to read a query besides its words.
 *
 * @param typing   the reader is typing: a word at the very end of the query ({@link UserQuery#endsWithWord()}) may be
 *                 unfinished, so it also matches the blog's words that start with it; a query ending in a space, or a
 *                 submitted one, has no unfinished word
 * @param verbatim search the words exactly as typed: no completion and no typo correction (synonyms and plural forms
 *                 still apply)
 */
public record PlanOptions(boolean typing, boolean verbatim) {

    /** A finished query: every word complete, typos corrected. */
    public static final PlanOptions SUBMITTED = new PlanOptions(false, false);

    /** What a search box sends while the reader types. */
    public static final PlanOptions TYPING = new PlanOptions(true, false);
}
