package dev.blogsearch.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class CountingQueryTest {

    private static final List<String[]> POSTS = List.of(
            new String[] {"redis cluster", "resharding slots online", "db"},
            new String[] {"etcd", "raft leader election", "db"},
            new String[] {"redis", "sentinel failover", "ops"},
            new String[] {"kubernetes", "cluster autoscaler", "ops"},
            new String[] {"notes", "slots and leader", "db"},
            new String[] {"nothing", "unrelated words", "ops"});

    @Test
    void countsThePostsASearchsNestedQueryMatches() throws IOException {
        Query unitRedis = unit("redis");
        Query unitCluster = new DisjunctionMaxQuery(
                List.of(
                        unit("cluster"),
                        new BoostQuery(new PhraseQuery("body", "leader", "election"), 0.8f),
                        new BoostQuery(bothOf("slots", "online"), 0.5f)),
                0.2f);
        BooleanQuery.Builder units = new BooleanQuery.Builder()
                .add(unitRedis, Occur.SHOULD)
                .add(unitCluster, Occur.SHOULD)
                .add(new BoostQuery(new PhraseQuery("title", "redis", "cluster"), 2f), Occur.SHOULD);
        Query any = new BooleanQuery.Builder().add(units.build(), Occur.MUST).build();
        Query filtered = new BooleanQuery.Builder()
                .add(units.build(), Occur.MUST)
                .add(new TermQuery(new Term("tag", "db")), Occur.FILTER)
                .add(new TermQuery(new Term("body", "online")), Occur.MUST_NOT)
                .build();
        Query all = new BooleanQuery.Builder()
                .add(unitRedis, Occur.MUST)
                .add(unitCluster, Occur.MUST)
                .add(new PhraseQuery("title", "redis", "cluster"), Occur.SHOULD)
                .build();

        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            IndexSearcher searcher = index(directory);
            for (Query query : List.of(any, filtered, all, unitCluster)) {
                assertThat(matches(searcher, CountingQuery.of(query)))
                        .as("%s", query)
                        .isNotEmpty()
                        .isEqualTo(matches(searcher, query));
            }
            // Posts 0, 1, 2 and 3 by a word, 4 by neither a word nor the phrase: the two-word conjunction stays one.
            assertThat(matches(searcher, CountingQuery.of(any))).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void aFlatDisjunctionHoldsEachLeafOnce() {
        Query twice = new BooleanQuery.Builder()
                .add(unit("redis"), Occur.SHOULD)
                .add(new BoostQuery(unit("redis"), 0.5f), Occur.SHOULD)
                .build();
        assertThat(((BooleanQuery) CountingQuery.of(twice)).clauses()).hasSize(2);
    }

    @Test
    void moreLeavesThanOneQueryMayHoldStayNested() throws IOException {
        List<Query> units = new ArrayList<>();
        for (int i = 0; i <= IndexSearcher.getMaxClauseCount() / 2; i++) {
            units.add(unit("word" + i));
        }
        Query wide = new DisjunctionMaxQuery(units, 0f);
        assertThat(CountingQuery.of(wide)).isSameAs(wide);
    }

    /** A word in the title or the body, as a unit's form is searched in each field. */
    private static Query unit(String word) {
        return new DisjunctionMaxQuery(
                List.of(
                        new BoostQuery(new TermQuery(new Term("title", word)), 4f),
                        new TermQuery(new Term("body", word))),
                0.2f);
    }

    private static Query bothOf(String first, String second) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", first)), Occur.MUST)
                .add(new TermQuery(new Term("body", second)), Occur.MUST)
                .build();
    }

    private static IndexSearcher index(ByteBuffersDirectory directory) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (String[] post : POSTS) {
                Document doc = new Document();
                doc.add(new TextField("title", post[0], Field.Store.NO));
                doc.add(new TextField("body", post[1], Field.Store.NO));
                doc.add(new StringField("tag", post[2], Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        return new IndexSearcher(DirectoryReader.open(directory));
    }

    private static Set<Integer> matches(IndexSearcher searcher, Query query) throws IOException {
        Set<Integer> docs = new TreeSet<>();
        for (ScoreDoc hit : searcher.search(query, POSTS.size()).scoreDocs) {
            docs.add(hit.doc);
        }
        return docs;
    }
}
