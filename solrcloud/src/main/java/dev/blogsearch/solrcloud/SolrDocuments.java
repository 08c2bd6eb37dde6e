package dev.blogsearch.solrcloud;

import dev.blogsearch.schema.PostFields;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.common.SolrInputDocument;

/**
 * A post's Lucene document ({@code PostDocuments}, the one home of what a post's fields are) as a Solr document of
 * the blogsearch configset. A Lucene document may hold a value several times over (a point and its doc values, a
 * keyword and its doc values): each value is sent once, and Solr's schema indexes it in every way it declares. The
 * bigram fields are left out: the schema copies them from the words fields they shadow, so a post's text is sent
 * once.
 */
public final class SolrDocuments {

    private SolrDocuments() {}

    public static SolrInputDocument of(Document document) {
        SolrInputDocument solr = new SolrInputDocument();
        // The first kind of Lucene field seen for a name carries its values; later kinds repeat them.
        Map<String, Class<?>> carrier = new HashMap<>();
        for (IndexableField field : document.getFields()) {
            if (PostFields.isBigramField(field.name())) {
                continue;
            }
            Class<?> kind = carrier.computeIfAbsent(field.name(), name -> field.getClass());
            if (kind == field.getClass() && !onlyANorm(field)) {
                solr.addField(field.name(), valueOf(field));
            }
        }
        return solr;
    }

    /**
     * The empty, unstored text the embedded index gives a post for a text field it has nothing in (a post without
     * tags), only so that every post has a norm for every field: sent to Solr it would be stored, and the post would
     * show one empty tag.
     */
    private static boolean onlyANorm(IndexableField field) {
        return !field.fieldType().stored() && "".equals(field.stringValue());
    }

    private static Object valueOf(IndexableField field) {
        if (field.stringValue() != null) {
            return field.stringValue();
        }
        if (field.numericValue() != null) {
            return field.numericValue();
        }
        return field.binaryValue().utf8ToString();
    }
}
