package dev.blogsearch.query;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostText;
import dev.blogsearch.indexer.index.PostDocuments;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The small blogs the planner's tests plan against: posts of a title and a body, written as the indexer writes
 * them, in memory.
 */
final class PlanTestBlog {

    static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    /**
     * A planner with no synonym groups: what it finds across languages comes from the blog's glosses and the
     * glossary alone.
     */
    static QueryPlanner plannerWithoutSynonyms() {
        return new QueryPlanner(Synonyms.builtIn().without(term -> true), ANALYZER);
    }

    private PlanTestBlog() {}

    /** Post number {@code n}, with no date, tags, categories or code. */
    static Document post(int n, String title, String body) {
        return post(n, title, body, "");
    }

    /** Post number {@code n} with its code blocks' text, with no date, tags or categories. */
    static Document post(int n, String title, String body, String code) {
        return PostDocuments.toDocument(
                new Post(
                        "posts/" + n,
                        "posts/" + n + ".md",
                        "/" + n + "/",
                        title,
                        null,
                        List.of(),
                        List.of(),
                        false,
                        "",
                        new PostText(body, code, List.of())),
                "hash-" + n);
    }

    /** The post {@code id}, with no date, tags, categories or code. */
    static Document post(String id, String title, String body) {
        return TestPost.post(id).title(title).body(body).document();
    }

    /** A reader of an index of {@code posts}, in their order; the caller closes it. */
    static DirectoryReader index(List<Document> posts) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            for (Document post : posts) {
                writer.addDocument(post);
            }
        }
        return DirectoryReader.open(directory);
    }

    /** Every form of every unit of a plan, in order: what the plan searches for, whichever word it stands for. */
    static List<QueryPlan.Form> forms(QueryPlan plan) {
        return plan.units().stream()
                .flatMap(unit -> unit.alternatives().stream())
                .toList();
    }

    private static final PostQueryBuilder BUILDER = new PostQueryBuilder(ANALYZER);

    /** The ids of the first 10 posts {@code planner}'s plan of a finished query finds, best first. */
    static List<String> search(DirectoryReader reader, QueryPlanner planner, String query) throws IOException {
        return search(reader, planner.plan(UserQuery.parse(query), reader));
    }

    /** The ids of the first 10 posts a plan finds, best first, as the service builds its query (all words first). */
    static List<String> search(DirectoryReader reader, QueryPlan plan) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(BUILDER.build(plan, PostFilters.NONE, true), 10).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get(PostFields.ID));
        }
        return ids;
    }
}
