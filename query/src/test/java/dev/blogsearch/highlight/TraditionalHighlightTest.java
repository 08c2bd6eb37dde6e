package dev.blogsearch.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A post written in 繁體 is found by a 简体 query, and its excerpt marks the characters the author wrote. */
class TraditionalHighlightTest {

    @Test
    void highlightsMarkTheTraditionalTextOfThePost() throws Exception {
        FieldType stored = new FieldType();
        stored.setTokenized(true);
        stored.setStored(true);
        stored.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        FieldType shadow = new FieldType(stored);
        shadow.setStored(false);
        String body = "每個進程都有自己的虛擬內存空間。";
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(PostAnalyzer.withGlossary()))) {
                Document doc = new Document();
                doc.add(new Field(PostFields.TITLE, "記憶體筆記", stored));
                doc.add(new Field(PostFields.BODY, body, stored));
                doc.add(new Field(PostFields.BODY_CJK, body, shadow));
                writer.addDocument(doc);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // What the query builder makes of the Simplified query 虚拟内存 in the body's two fields.
                Query query = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(PostFields.BODY, "虚拟内存")), Occur.SHOULD)
                        .add(new PhraseQuery(PostFields.BODY_CJK, "虚拟", "拟内", "内存"), Occur.SHOULD)
                        .build();
                assertThat(searcher.count(query)).isEqualTo(1);
                ExcerptBuilder.Highlight highlight =
                        new ExcerptBuilder(PostAnalyzer.withGlossary()).highlight(searcher, query, new int[] {0})[0];
                assertThat(highlight.excerptHtml()).contains("<mark>虛擬內存</mark>");
            }
        }
    }
}
