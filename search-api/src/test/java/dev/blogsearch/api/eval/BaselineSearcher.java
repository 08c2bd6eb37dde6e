package dev.blogsearch.api.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Where most projects stop: stock {@link SmartChineseAnalyzer} over title and body, the classic
 * {@link MultiFieldQueryParser} (default OR), BM25, nothing else. The query is escaped so Lucene syntax in it
 * does not fail the baseline outright.
 */
final class BaselineSearcher implements AutoCloseable {

    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String BODY = "body";

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final Directory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    /** Indexes a blog's published posts ({@link ThemeIndexEntry#read}): title, and headings, prose and code. */
    BaselineSearcher(List<ThemeIndexEntry> posts) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (ThemeIndexEntry post : posts) {
                Document doc = new Document();
                doc.add(new StringField(ID, post.id(), Field.Store.YES));
                doc.add(new TextField(TITLE, post.title(), Field.Store.NO));
                doc.add(new TextField(BODY, post.content(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
    }

    List<String> search(String query, int n) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> ids = new ArrayList<>();
        try {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {TITLE, BODY}, analyzer);
            for (ScoreDoc hit : searcher.search(parser.parse(QueryParser.escape(query)), n).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(ID));
            }
        } catch (ParseException e) {
            // An unparsable query finds nothing, as it would in a search box built this way.
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
