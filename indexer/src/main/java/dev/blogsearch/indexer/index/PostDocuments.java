package dev.blogsearch.indexer.index;

import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.indexer.content.Heading;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.schema.FacetLabels;
import dev.blogsearch.schema.PostFields;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link Post} into the Lucene document {@link PostFields} describes. */
public final class PostDocuments {

    private PostDocuments() {}

    /**
     * The document of a post.
     *
     * @param contentHash {@link Sha256} of the post's file, which tells a later run whether the file changed
     */
    public static Document toDocument(Post post, String contentHash) {
        return toDocument(post, contentHash, FileStamp.UNKNOWN);
    }

    /**
     * The document of a post read from a file with {@code stamp}, which lets a later run skip hashing the file while
     * its stamp stays the same.
     */
    public static Document toDocument(Post post, String contentHash, FileStamp stamp) {
        Document doc = new Document();
        doc.add(new StringField(PostFields.ID, post.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(PostFields.ID, new BytesRef(post.id())));
        doc.add(new StoredField(PostFields.URL, post.url()));
        doc.add(new StringField(PostFields.SOURCE, post.sourcePath(), Field.Store.YES));
        doc.add(new SortedDocValuesField(PostFields.SOURCE, new BytesRef(post.sourcePath())));
        doc.add(new StoredField(PostFields.CONTENT_HASH, contentHash));
        doc.add(new BinaryDocValuesField(PostFields.CONTENT_HASH, new BytesRef(contentHash)));
        doc.add(new BinaryDocValuesField(PostFields.FILE_STAMP, stamp.toBytes()));
        addText(doc, PostFields.TITLE, post.title());
        // Every post has the title's doc values, empty for none: Lucene rejects a field with doc values in one
        // document and without in the next.
        doc.add(new BinaryDocValuesField(PostFields.TITLE, new BytesRef(post.title() == null ? "" : post.title())));
        addText(doc, PostFields.HEADINGS, post.text().headingsText());
        for (Heading heading : post.text().headings()) {
            doc.add(new StoredField(PostFields.HEADING_ANCHORS, heading.anchor()));
        }
        addText(doc, PostFields.BODY, post.text().body());
        addText(doc, PostFields.CODE, post.text().code());
        addLabels(doc, PostFields.TAGS, PostFields.TAG_KEY, PostFields.TAG_FACET, post.tags());
        addLabels(doc, PostFields.CATEGORIES, PostFields.CATEGORY_KEY, PostFields.CATEGORY_FACET, post.categories());
        // Undated posts get the smallest time, so they sort last when newest come first. Every document has both
        // the point and the doc values: Lucene rejects a field indexed one way in one document and another way
        // in the next.
        long millis = post.date() != null ? post.date().toInstant().toEpochMilli() : Long.MIN_VALUE;
        doc.add(new LongPoint(PostFields.DATE, millis));
        doc.add(new NumericDocValuesField(PostFields.DATE, millis));
        if (post.date() != null) {
            doc.add(new StoredField(PostFields.DATE_TEXT, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(post.date())));
            LocalDate day = post.date().toLocalDate();
            doc.add(new IntPoint(PostFields.DAY, PostFields.dayNumber(day)));
            String year = Integer.toString(day.getYear());
            doc.add(new SortedSetDocValuesField(PostFields.YEAR_FACET, FacetLabels.encode(year, year)));
        }
        doc.add(new StoredField(PostFields.SUMMARY, post.summary()));
        if (post.lang() != null) {
            doc.add(new StringField(PostFields.LANG, post.lang(), Field.Store.YES));
            doc.add(new SortedSetDocValuesField(
                    PostFields.LANGUAGE_FACET, FacetLabels.encode(post.lang(), post.lang())));
        }
        doc.add(new StringField(PostFields.TRANSLATION_KEY, post.translationKey(), Field.Store.YES));
        addText(doc, PostFields.LINK_TITLE, post.linkTitle());
        for (String alias : post.aliases()) {
            doc.add(new StoredField(PostFields.ALIASES, alias));
        }
        post.taxonomies()
                .forEach((plural, terms) -> addLabels(
                        doc,
                        PostFields.taxonomyField(plural),
                        PostFields.taxonomyKeyField(plural),
                        PostFields.taxonomyFacetField(plural),
                        terms));
        if (post.publishing().expiryDate() != null) {
            long expiry = post.publishing().expiryDate().toInstant().toEpochMilli();
            doc.add(new LongPoint(PostFields.EXPIRY, expiry));
            doc.add(new NumericDocValuesField(PostFields.EXPIRY, expiry));
        }
        return doc;
    }

    /** A words field, and its bigram shadow when it has one; empty text stores nothing and has no terms. */
    private static void addText(Document doc, String field, String text) {
        String bigramField = PostFields.bigramFieldOf(field);
        if (text == null || text.isEmpty()) {
            addNoTerms(doc, field);
            if (bigramField != null) {
                addNoTerms(doc, bigramField);
            }
            return;
        }
        doc.add(new Field(field, text, PostFields.STORED_TEXT_WITH_OFFSETS));
        if (bigramField != null) {
            doc.add(new Field(bigramField, text, PostFields.SHADOW_TEXT_WITH_OFFSETS));
        }
    }

    /**
     * A text field without terms, so that every post has a norm (0) for every text field. Lucene stores the norms
     * of a field that some posts lack as a sparse list, and the postings writer looks up the norm of every posting
     * in it when it writes a segment, flushed or merged (for the skip data of top-k search): a third of a 10k-post
     * rebuild's flush time and a seventh of its final merge went there (docs/BENCHMARKS.md). No term, so no match
     * and no change to the field's statistics: scores stay the same.
     */
    private static void addNoTerms(Document doc, String field) {
        doc.add(new Field(field, "", PostFields.SHADOW_TEXT_WITH_OFFSETS));
    }

    /** Tags, categories or a custom taxonomy's terms: as written (stored, searchable), by key (filter) and as facet labels (counts). */
    private static void addLabels(
            Document doc, String textField, String keyField, String facetField, List<String> labels) {
        if (labels.isEmpty()) {
            addNoTerms(doc, textField);
        }
        Set<String> keys = new HashSet<>();
        for (String label : labels) {
            doc.add(new Field(textField, label, PostFields.STORED_TEXT_WITH_OFFSETS));
            String key = TextFolding.key(label);
            if (!key.isEmpty() && keys.add(key)) {
                doc.add(new StringField(keyField, key, Field.Store.NO));
                doc.add(new SortedSetDocValuesField(facetField, FacetLabels.encode(key, label)));
            }
        }
    }
}
