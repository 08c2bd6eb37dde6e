package dev.blogsearch.schema;

import java.util.List;

/**
 * The fields a query word is looked for in, and how much a match in each counts. Title and tags say what a post
 * is about, headings what its parts are about; body and code are where a word is merely used.
 */
public enum FieldWeights {
    TITLE(PostFields.TITLE, 4.0f),
    TAGS(PostFields.TAGS, 3.0f),
    CATEGORIES(PostFields.CATEGORIES, 1.5f),
    HEADINGS(PostFields.HEADINGS, 2.0f),
    BODY(PostFields.BODY, 1.0f),
    CODE(PostFields.CODE, 0.8f);

    /** How much the best field's score is topped up by the other fields that match too. */
    public static final float TIE_BREAKER = 0.2f;

    public static final List<FieldWeights> ALL = List.of(values());

    private final String field;
    private final float boost;

    FieldWeights(String field, float boost) {
        this.field = field;
        this.boost = boost;
    }

    public String field() {
        return field;
    }

    public float boost() {
        return boost;
    }
}
