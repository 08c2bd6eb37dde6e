package dev.blogsearch.query;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed into the search box, split into the parts a search box is expected to understand:
 * plain words, {@code "exact phrases"}, {@code -excluded} words or phrases, {@code tag:name} and
 * {@code category:name} filters.
 * Parsing never fails: an unbalanced quote, a lone {@code -} or Lucene syntax ({@code AND}, {@code *},
 * {@code title:x}) is simply text.
 *
 * @param terms    words and phrases a post must match
 * @param excluded words and phrases a post must not match
 * @param tags     tags named with {@code tag:}
 * @param categories categories named with {@code category:}
 * @param endsWithWord whether the text ends with a plain word, not followed by white space: the word a reader may
 *                   still be typing ({@code kub}); a phrase, an exclusion or a filter at the end is finished
 */
public record UserQuery(
        List<Term> terms, List<Term> excluded, List<String> tags, List<String> categories, boolean endsWithWord) {

    /** A word (one white-space separated chunk; Chinese text may make several tokens) or a quoted phrase. */
    public record Term(String text, boolean phrase) {}

    private static final String CATEGORY = "category:";

    public UserQuery {
        terms = List.copyOf(terms);
        excluded = List.copyOf(excluded);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }

    public UserQuery(List<Term> terms, List<Term> excluded, List<String> tags, List<String> categories) {
        this(terms, excluded, tags, categories, false);
    }

    public UserQuery(List<Term> terms, List<Term> excluded, List<String> tags) {
        this(terms, excluded, tags, List.of(), false);
    }

    public boolean isEmpty() {
        return terms.isEmpty() && tags.isEmpty() && categories.isEmpty();
    }

    public static UserQuery parse(String input) {
        List<Term> terms = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        String text = input == null ? "" : input.strip();
        boolean lastIsWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-'
                    && i + 1 < text.length()
                    && !Character.isWhitespace(text.charAt(i + 1))
                    && text.charAt(i + 1) != '-';
            int start = negated ? i + 1 : i;
            Term term;
            if (isQuote(text.charAt(start)) && closingQuote(text, start) > 0) {
                int close = closingQuote(text, start);
                term = new Term(text.substring(start + 1, close), true);
                i = close + 1;
            } else {
                int end = start;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                String word = stripQuotes(text.substring(start, end));
                i = end;
                if (!negated && word.regionMatches(true, 0, "tag:", 0, 4) && word.length() > 4) {
                    tags.add(word.substring(4));
                    lastIsWord = false;
                    continue;
                }
                if (!negated
                        && word.regionMatches(true, 0, CATEGORY, 0, CATEGORY.length())
                        && word.length() > CATEGORY.length()) {
                    categories.add(word.substring(CATEGORY.length()));
                    lastIsWord = false;
                    continue;
                }
                term = new Term(word, false);
            }
            if (term.text().isBlank()) {
                continue;
            }
            (negated ? excluded : terms).add(term);
            lastIsWord = !negated && !term.phrase();
        }
        boolean open = lastIsWord && !Character.isWhitespace(input.charAt(input.length() - 1));
        return new UserQuery(terms, excluded, tags, categories, open);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '「' || c == '」';
    }

    private static int closingQuote(String text, int open) {
        for (int j = open + 1; j < text.length(); j++) {
            if (isQuote(text.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    /** An unbalanced quote is text, not syntax; the quote character itself searches for nothing. */
    private static String stripQuotes(String word) {
        StringBuilder kept = new StringBuilder(word.length());
        for (int j = 0; j < word.length(); j++) {
            if (!isQuote(word.charAt(j))) {
                kept.append(word.charAt(j));
            }
        }
        return kept.toString();
    }
}
