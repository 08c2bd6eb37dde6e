package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blogsearch.analysis.TextFolding;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlogIndexerTest {

    @TempDir
    Path temp;

    private Path content() {
        return temp.resolve("content");
    }

    private Path index() {
        return temp.resolve("index");
    }

    private void write(String relative, String text) throws IOException {
        Path file = content().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void writeGoodPosts() throws IOException {
        write("posts/etcd.md", """
                ---
                title: etcd 压缩
                date: 2024-03-02
                tags: [etcd, Kubernetes]
                ---
                定期执行 `etcdctl compact`。
                """);
        write("posts/redis/index.md", """
                +++
                title = "Redis 集群"
                date = 2023-05-01T09:00:00+08:00
                tags = ["redis"]
                +++
                用 redis-cli --cluster-slave 加入从节点。
                """);
        write("posts/draft.md", """
                ---
                title: 未完成
                draft: true
                ---
                草稿专用词汇
                """);
    }

    private List<String> ids() throws IOException {
        try (Directory directory = FSDirectory.open(index());
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<String> ids = new ArrayList<>();
            for (var hit : searcher.search(new MatchAllDocsQuery(), 100).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(PostFields.ID));
            }
            ids.sort(String::compareTo);
            return ids;
        }
    }

    @Test
    void indexesEveryPostButDraftsAndRecordsWhatItWasBuiltFrom() throws IOException {
        writeGoodPosts();
        IndexRunSummary summary = new BlogIndexer(IndexSettings.defaults()).rebuild(content(), index());

        assertThat(summary.indexed()).isEqualTo(2);
        assertThat(summary.skippedDrafts()).isEqualTo(1);
        assertThat(summary.failures()).isEmpty();
        assertThat(ids()).containsExactly("posts/etcd", "posts/redis");
        try (Directory directory = FSDirectory.open(index())) {
            IndexMetadata metadata = IndexMetadata.read(directory).orElseThrow();
            assertThat(metadata.postCount()).isEqualTo(2);
            assertThat(metadata.schemaVersion()).isEqualTo(IndexMetadata.SCHEMA_VERSION);
            assertThat(metadata.settingsFingerprint())
                    .isEqualTo(IndexSettings.defaults().fingerprint(PostAnalyzer.withGlossary()));
        }
    }

    @Test
    void draftsAreIndexedWhenAskedFor() throws IOException {
        writeGoodPosts();
        IndexSettings withDrafts =
                new IndexSettings(true, List.of(), IndexSettings.defaults().defaultZone(), 2);
        IndexRunSummary summary = new BlogIndexer(withDrafts).rebuild(content(), index());
        assertThat(summary.indexed()).isEqualTo(3);
        assertThat(ids()).contains("posts/draft");
    }

    @Test
    void aBrokenPostIsReportedByFileAndEveryOtherPostIsStillIndexed() throws IOException {
        writeGoodPosts();
        write("posts/broken.md", "---\ntitle: [unclosed\n---\nbody\n");
        Files.write(
                content().resolve("posts/latin1.md"),
                new byte[] {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xE9, '\n', '-', '-', '-', '\n'});

        IndexRunSummary summary = new BlogIndexer(IndexSettings.defaults()).rebuild(content(), index());

        assertThat(summary.indexed()).isEqualTo(2);
        assertThat(summary.failures())
                .extracting(IndexRunSummary.Failure::file)
                .containsExactly(
                        Path.of("posts/broken.md").toString(),
                        Path.of("posts/latin1.md").toString());
        assertThat(summary.failures())
                .allSatisfy(failure -> assertThat(failure.reason()).isNotBlank().doesNotContain(temp.toString()));
        assertThat(ids()).containsExactly("posts/etcd", "posts/redis");
    }

    @Test
    void aRebuildReplacesTheWholeIndex() throws IOException {
        writeGoodPosts();
        BlogIndexer indexer = new BlogIndexer(IndexSettings.defaults());
        indexer.rebuild(content(), index());
        Files.delete(content().resolve("posts/etcd.md"));
        indexer.rebuild(content(), index());
        assertThat(ids()).containsExactly("posts/redis");
    }

    @Test
    void tagsAreMatchedByTheirNormalisedKey() throws IOException {
        writeGoodPosts();
        new BlogIndexer(IndexSettings.defaults()).rebuild(content(), index());
        try (Directory directory = FSDirectory.open(index());
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertThat(searcher.count(new TermQuery(new Term(PostFields.TAG_KEY, TextFolding.key("KUBERNETES ")))))
                    .isEqualTo(1);
        }
    }

    @Test
    void aMissingContentDirectoryWritesNothing() {
        assertThatThrownBy(() -> new BlogIndexer(IndexSettings.defaults()).rebuild(temp.resolve("nope"), index()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not exist");
        assertThat(index()).doesNotExist();
    }
}
