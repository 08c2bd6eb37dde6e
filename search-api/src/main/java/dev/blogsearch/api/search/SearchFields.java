package dev.blogsearch.api.search;

import dev.blogsearch.indexer.index.PostFields;
import java.util.List;

/**
 * The fields a query word is looked for in, and how much a match in each counts. Title and tags say what a post
 * is about, headings what its parts are about; body and code are where a word is merely used.
 */
enum SearchFields {
    TITLE(PostFields.TITLE, 4.0f),
    TAGS(PostFields.TAGS, 3.0f),
    CATEGORIES(PostFields.CATEGORIES, 1.5f),
    HEADINGS(PostFields.HEADINGS, 2.0f),
    BODY(PostFields.BODY, 1.0f),
    CODE(PostFields.CODE, 0.8f);

    /** How much the best field's score is topped up by the other fields that match too. */
    static final float TIE_BREAKER = 0.2f;

    static final List<SearchFields> ALL = List.of(values());

    final String field;
    final float boost;

    SearchFields(String field, float boost) {
        this.field = field;
        this.boost = boost;
    }
}
