package dev.blogsearch.solr;

import dev.blogsearch.highlight.ExcerptBuilder;
import dev.blogsearch.highlight.MatchedHeading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.highlight.SolrHighlighter;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.search.DocIterator;
import org.apache.solr.search.DocList;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * A page of hits marked by the service's own {@link ExcerptBuilder}, on the shard that holds them, for the query
 * {@code {!blogsearch}} parsed there: the same title, excerpt (two sentences, or the matching code line, or the
 * opening) and matched headings as the embedded index shows, {@code <mark>} and escaping included. Per post, by its
 * id:
 *
 * <pre>
 * {title: "...html...", excerpt: "...html...", headings: [{index: 2, text: "...", html: "..."}, ...]}
 * </pre>
 *
 * Thread-safe.
 */
final class BlogHighlighter extends SolrHighlighter {

    static final String TITLE = "title";
    static final String EXCERPT = "excerpt";
    static final String HEADINGS = "headings";

    @Override
    public NamedList<Object> doHighlighting(DocList docs, Query query, SolrQueryRequest req, String[] defaultFields)
            throws IOException {
        int[] docIds = new int[docs.size()];
        DocIterator iterator = docs.iterator();
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = iterator.nextDoc();
        }
        ExcerptBuilder excerpts = BlogQParserPlugin.of(req).understanding(req).excerpts();
        ExcerptBuilder.Highlight[] highlights = excerpts.highlight(req.getSearcher(), query, docIds);
        SolrIndexSearcher searcher = req.getSearcher();
        IndexSchema schema = req.getSchema();
        Set<String> key = Set.of(schema.getUniqueKeyField().getName());
        NamedList<Object> byPost = new SimpleOrderedMap<>();
        for (int i = 0; i < docIds.length; i++) {
            SimpleOrderedMap<Object> post = new SimpleOrderedMap<>();
            post.add(TITLE, highlights[i].titleHtml());
            post.add(EXCERPT, highlights[i].excerptHtml());
            List<SimpleOrderedMap<Object>> headings = new ArrayList<>();
            for (MatchedHeading heading : highlights[i].headings()) {
                SimpleOrderedMap<Object> matched = new SimpleOrderedMap<>();
                matched.add("index", heading.index());
                matched.add("text", heading.text());
                matched.add("html", heading.html());
                headings.add(matched);
            }
            post.add(HEADINGS, headings);
            byPost.add(schema.printableUniqueKey(searcher.doc(docIds[i], key)), post);
        }
        return byPost;
    }
}
