package dev.blogsearch.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One question planning asks a {@link Lexicon}, as a collection's aggregating node sends it to every shard and each
 * shard answers it from its own posts ({@link #answer}); {@link GatheredLexicon} adds the answers up.
 *
 * @param kind    which question
 * @param field   the field asked about, or empty
 * @param text    the word, prefix or term asked about
 * @param limit   how many answers at most, or 0
 * @param context the words of a {@link Lexicon.Context}, or null for the whole blog
 */
public record Lookup(Kind kind, String field, String text, int limit, List<String> context) {

    /** The questions, each a method of {@link Lexicon}. */
    public enum Kind {
        DOC_FREQ,
        /** Posts with any word in the field. */
        DOC_COUNT,
        /** Posts, deleted ones included until merged away. */
        MAX_DOC,
        STARTING_WITH,
        POSTINGS_STARTING_WITH,
        /** How many posts have every word of the context. */
        CONTEXT_SIZE,
        COUNT,
        NEAR_BEGINNINGS,
        SPELLINGS,
        /** Posts with the words of a phrase next to each other, where the field names ({@link Lexicon.Where}). */
        PHRASE_COUNT,
        GLOSS_ENGLISH,
        GLOSS_CHINESE
    }

    public Lookup {
        context = context == null ? null : List.copyOf(context);
    }

    /** The lookup as one line of text: a request parameter. */
    public String encode() {
        List<String> fields = new ArrayList<>(List.of(kind.name(), field, text, Integer.toString(limit)));
        if (context != null) {
            fields.add(Fields.encode(context));
        }
        return Fields.encode(fields);
    }

    /** @throws IllegalArgumentException when {@code line} is not an encoded lookup */
    public static Lookup decode(String line) {
        List<String> fields = Fields.decode(line);
        if (fields.size() < 4 || fields.size() > 5) {
            throw new IllegalArgumentException("an encoded lookup has 4 or 5 fields, not " + fields.size());
        }
        return new Lookup(
                Kind.valueOf(fields.get(0)),
                fields.get(1),
                fields.get(2),
                Integer.parseInt(fields.get(3)),
                fields.size() == 5 ? Fields.decode(fields.get(4)) : null);
    }

    /** This shard's answer, as one line of text for {@link GatheredLexicon#add}. */
    public String answer(ReaderLexicon lexicon) throws IOException {
        Lexicon.Context words = context == null ? null : new Lexicon.Context(context);
        return switch (kind) {
            case DOC_FREQ -> Long.toString(lexicon.docFreq(field, text));
            case DOC_COUNT -> Long.toString(lexicon.docCount(field));
            case MAX_DOC -> Long.toString(lexicon.maxDoc());
            case STARTING_WITH -> termCounts(lexicon.startingWith(field, text, limit, words));
            case POSTINGS_STARTING_WITH -> Long.toString(lexicon.postingsStartingWith(text));
            case CONTEXT_SIZE -> Long.toString(lexicon.contextSize(words));
            case COUNT -> Long.toString(lexicon.count(field, text, words));
            case NEAR_BEGINNINGS -> termCounts(lexicon.nearBeginnings(field, text));
            case SPELLINGS -> {
                List<String> flat = new ArrayList<>();
                for (Lexicon.Suggestion suggestion : lexicon.spellings(field, text, limit)) {
                    flat.add(suggestion.term());
                    flat.add(Float.toString(suggestion.score()));
                    flat.add(Integer.toString(suggestion.freq()));
                }
                yield Fields.encode(flat);
            }
            case PHRASE_COUNT -> Long.toString(lexicon.phraseCount(text, Lexicon.Where.valueOf(field)));
            case GLOSS_ENGLISH -> Fields.encode(lexicon.glossEnglish(text));
            case GLOSS_CHINESE -> Fields.encode(lexicon.glossChinese(text));
        };
    }

    static String termCounts(List<Lexicon.TermCount> counts) {
        List<String> flat = new ArrayList<>(2 * counts.size());
        for (Lexicon.TermCount count : counts) {
            flat.add(count.term());
            flat.add(Long.toString(count.count()));
        }
        return Fields.encode(flat);
    }

    static List<Lexicon.TermCount> termCounts(String line) {
        List<String> flat = Fields.decode(line);
        List<Lexicon.TermCount> counts = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            counts.add(new Lexicon.TermCount(flat.get(i), Long.parseLong(flat.get(i + 1))));
        }
        return counts;
    }
}
