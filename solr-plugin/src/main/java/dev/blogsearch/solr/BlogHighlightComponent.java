package dev.blogsearch.solr;

import org.apache.solr.common.params.SolrParams;
import org.apache.solr.handler.component.HighlightComponent;
import org.apache.solr.highlight.SolrHighlighter;

/**
 * Solr's highlight component (its distributed steps: highlights asked of the shards with the stored fields, merged
 * by post) with {@link BlogHighlighter} as the only highlighter: {@code hl=true} marks a page of hits as the service
 * does, in the response's {@value #SECTION} section (not {@code highlighting}, whose shape SolrJ reads as lists of
 * strings). Registered as {@code highlight} in the configset's {@code solrconfig.xml}.
 */
public final class BlogHighlightComponent extends HighlightComponent {

    /** The response section: per post id, its marked title, excerpt and headings. */
    public static final String SECTION = "blogHighlighting";

    private final BlogHighlighter highlighter = new BlogHighlighter();

    @Override
    public SolrHighlighter getHighlighter(SolrParams params) {
        return highlighter;
    }

    @Override
    protected String highlightingResponseField() {
        return SECTION;
    }

    @Override
    public String getDescription() {
        return "Titles, excerpts and matched headings marked as the blog search service marks them";
    }
}
