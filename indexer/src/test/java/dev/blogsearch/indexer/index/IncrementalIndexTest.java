package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blogsearch.indexer.testing.SampleBlog;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental runs over a copy of the sample blog touch exactly the posts whose files changed. */
class IncrementalIndexTest {

    @TempDir
    Path temp;

    private Path content;
    private Path index;
    private final BlogIndexer indexer = new BlogIndexer(IndexSettings.defaults());
    private int samplePosts;

    @BeforeEach
    void indexACopyOfTheSampleBlog() throws IOException {
        content = SampleBlog.copy(SampleBlog.dir(), temp.resolve("content"));
        index = temp.resolve("index");
        IndexRunSummary first = indexer.update(content, index);
        assertThat(first.kind()).isEqualTo(RunKind.NEW_INDEX);
        samplePosts = first.indexed();
        assertThat(first.added()).isEqualTo(samplePosts);
    }

    @Test
    void aRunWithNothingChangedAnalysesNothingAndWritesNoCommit() throws IOException {
        // Files copied just now are stamped as unknown (modified within FileStamp's racy window): a run more than
        // 3 s after the copy, as on a loaded machine, would restamp them and commit. Old files take timing out.
        setEveryPostModified(Instant.now().minus(Duration.ofHours(1)));
        indexer.update(content, index);
        long generation = commitGeneration();

        IndexRunSummary again = indexer.update(content, index);

        assertThat(again.kind()).isEqualTo(RunKind.INCREMENTAL);
        assertThat(again.unchanged()).isEqualTo(samplePosts);
        assertThat(again.added() + again.updated() + again.deleted()).isZero();
        assertThat(again.committed()).isFalse();
        assertThat(commitGeneration()).isEqualTo(generation);
    }

    @Test
    void aCheckoutThatOnlyChangesModificationTimesAnalysesNothing() throws IOException {
        setEveryPostModified(Instant.now().minus(Duration.ofHours(1)));

        IndexRunSummary afterCheckout = indexer.update(content, index);
        assertThat(afterCheckout.unchanged()).isEqualTo(samplePosts);
        assertThat(afterCheckout.added() + afterCheckout.updated() + afterCheckout.deleted())
                .isZero();

        long generation = commitGeneration();
        IndexRunSummary next = indexer.update(content, index);
        assertThat(next.unchanged()).isEqualTo(samplePosts);
        assertThat(next.committed())
                .as("the new file stamps were recorded by the run before")
                .isFalse();
        assertThat(commitGeneration()).isEqualTo(generation);
    }

    @Test
    void aFileWithTheSizeAndTimeItWasIndexedWithIsNotReadAgainAndATouchedOneIs() throws IOException {
        setEveryPostModified(Instant.now().minus(Duration.ofHours(1)));
        indexer.update(content, index);
        Path post = content.resolve("posts/distributed-lock.md");
        FileTime indexedTime = Files.getLastModifiedTime(post);
        String text = Files.readString(post, StandardCharsets.UTF_8);

        // Same size, same time: what git and rsync take as untouched, and so does an incremental run.
        Files.writeString(post, text.replace("锁", "鎖"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(post, indexedTime);
        assertThat(indexer.update(content, index).updated()).isZero();

        Files.setLastModifiedTime(post, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        IndexRunSummary touched = indexer.update(content, index);
        assertThat(touched.updated()).isEqualTo(1);
        assertThat(touched.unchanged()).isEqualTo(samplePosts - 1);
        assertThat(idsMatching(PostFields.BODY, "锁")).contains("posts/distributed-lock");
    }

    @Test
    void anEditInTheSameClockTickAsTheRunThatReadTheFileIsNotMissed() throws IOException {
        Path post = append("posts/distributed-lock.md", "\nquokkaword\n");
        FileTime editedAt = Files.getLastModifiedTime(post);
        assertThat(indexer.update(content, index).updated()).isEqualTo(1);

        // A second edit of the same size that a file system with coarse timestamps gives the same time.
        Files.writeString(
                post,
                Files.readString(post, StandardCharsets.UTF_8).replace("quokkaword", "wombatword"),
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(post, editedAt);

        assertThat(indexer.update(content, index).updated()).isEqualTo(1);
        assertThat(idsMatching(PostFields.BODY, "wombatword")).containsExactly("posts/distributed-lock");
    }

    @Test
    void changeAddDeleteAndRenameTouchExactlyThosePostsAndSearchesSeeThem() throws IOException {
        append("posts/distributed-lock.md", "\nquokkaword 新增段落\n");
        write("posts/brand-new.md", "---\ntitle: 全新文章\n---\nwombatword appears only here.\n");
        Files.delete(content.resolve("posts/database-index-btree.md"));
        Files.move(
                content.resolve("posts/2024-03-02-etcd-compaction.md"),
                content.resolve("posts/etcd-compaction-renamed.md"));

        IndexRunSummary summary = indexer.update(content, index);

        assertThat(summary.kind()).isEqualTo(RunKind.INCREMENTAL);
        assertThat(summary.added()).as("the new post and the renamed one").isEqualTo(2);
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.deleted())
                .as("the deleted post and the renamed one's old file")
                .isEqualTo(2);
        assertThat(summary.unchanged())
                .as("all but the changed, deleted and renamed")
                .isEqualTo(samplePosts - 3);
        assertThat(summary.indexed()).isEqualTo(samplePosts);
        assertThat(summary.committed()).isTrue();

        assertThat(idsMatching(PostFields.BODY, "quokkaword")).containsExactly("posts/distributed-lock");
        assertThat(idsMatching(PostFields.BODY, "wombatword")).containsExactly("posts/brand-new");
        Map<String, String> ids = sourcesById();
        assertThat(ids)
                .doesNotContainKeys("posts/database-index-btree", "posts/2024-03-02-etcd-compaction")
                .containsEntry("posts/etcd-compaction-renamed", "posts/etcd-compaction-renamed.md")
                .hasSize(samplePosts);
        try (Directory directory = FSDirectory.open(index)) {
            assertThat(IndexMetadata.read(directory).orElseThrow().postCount()).isEqualTo(samplePosts);
        }
    }

    @Test
    void anIncrementalRunGivesTheSameIndexAsAFullRebuild() throws IOException {
        Path changed = content.resolve("posts/distributed-lock.md");
        Files.writeString(
                changed, Files.readString(changed, StandardCharsets.UTF_8).replace("锁", "锁锁"), StandardCharsets.UTF_8);
        write("posts/new-bundle/index.md", "---\ntitle: Bundle\ndate: 2024-05-01\ntags: [新标签]\n---\n正文\n");
        Files.delete(content.resolve("posts/database-index-btree.md"));
        indexer.update(content, index);
        Map<String, String> incremental = storedFieldsById();

        IndexRunSummary full = indexer.index(content, temp.resolve("full-index"), true, IndexProgress.NONE);
        assertThat(full.kind()).isEqualTo(RunKind.FULL_REQUESTED);
        index = temp.resolve("full-index");
        assertThat(storedFieldsById()).isEqualTo(incremental);
    }

    @Test
    void fullRebuildsEveryPost() throws IOException {
        IndexRunSummary full = indexer.rebuild(content, index);
        assertThat(full.kind()).isEqualTo(RunKind.FULL_REQUESTED);
        assertThat(full.added()).isEqualTo(samplePosts);
        assertThat(full.unchanged()).isZero();
        assertThat(sourcesById()).hasSize(samplePosts);
    }

    @Test
    void aFullRebuildLeavesOneSegmentWhichIncrementalRunsAddTo() throws IOException {
        BlogIndexer eightThreads = new BlogIndexer(new IndexSettings(false, List.of(), ZoneOffset.UTC, 8));
        eightThreads.rebuild(content, index);
        assertThat(segmentCount())
                .as("searches look every term up once per segment")
                .isEqualTo(1);

        write("posts/another.md", "---\ntitle: Another\ndate: 2024-05-01\n---\n又一篇\n");
        eightThreads.update(content, index);
        assertThat(segmentCount())
                .as("an incremental run writes only its own posts")
                .isEqualTo(2);

        eightThreads.rebuild(content, index);
        assertThat(segmentCount()).isEqualTo(1);
        assertThat(sourcesById()).hasSize(samplePosts + 1);
    }

    @Test
    void otherSettingsRebuildTheWholeIndex() throws IOException {
        IndexSettings withDrafts =
                new IndexSettings(true, List.of(), IndexSettings.defaults().defaultZone(), 2);
        IndexRunSummary summary = new BlogIndexer(withDrafts).update(content, index);
        assertThat(summary.kind()).isEqualTo(RunKind.SETTINGS_CHANGED);
        assertThat(summary.unchanged()).isZero();
        assertThat(summary.indexed()).isGreaterThan(samplePosts);
    }

    @Test
    void aPostThatBecomesADraftOrBreaksLeavesTheIndex() throws IOException {
        Path draft = content.resolve("posts/distributed-lock.md");
        Files.writeString(
                draft,
                Files.readString(draft, StandardCharsets.UTF_8).replaceFirst("---\n", "---\ndraft: true\n"),
                StandardCharsets.UTF_8);
        write("posts/database-index-btree.md", "---\ntitle: [unclosed\n---\nbody\n");

        IndexRunSummary summary = indexer.update(content, index);

        assertThat(summary.skippedDrafts()).isGreaterThanOrEqualTo(1);
        assertThat(summary.failures())
                .extracting(IndexRunSummary.Failure::file)
                .containsExactly("posts/database-index-btree.md");
        assertThat(summary.indexed()).isEqualTo(samplePosts - 2);
        assertThat(sourcesById()).doesNotContainKeys("posts/distributed-lock", "posts/database-index-btree");
    }

    @Test
    void twoFilesWithOnePostIdKeepTheFirstInFileOrderInEveryRun() throws IOException {
        write("posts/distributed-lock/index.md", "---\ntitle: Same id\n---\n同一个 id\n");
        IndexRunSummary summary = indexer.update(content, index);
        assertThat(summary.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.file()).isEqualTo("posts/distributed-lock/index.md");
            assertThat(failure.reason()).contains("posts/distributed-lock.md");
        });
        assertThat(sourcesById()).containsEntry("posts/distributed-lock", "posts/distributed-lock.md");
        assertThat(indexer.rebuild(content, index).failures()).hasSize(1);
        assertThat(sourcesById()).containsEntry("posts/distributed-lock", "posts/distributed-lock.md");
    }

    @Test
    void aRunWhileAnotherWriterHoldsTheIndexIsRefusedAndChangesNothing() throws IOException {
        write("posts/brand-new.md", "---\ntitle: New\n---\nwombatword\n");
        try (Directory directory = FSDirectory.open(index);
                IndexWriter other = new IndexWriter(directory, new IndexWriterConfig())) {
            assertThatThrownBy(() -> indexer.update(content, index))
                    .isInstanceOf(IndexBusyException.class)
                    .hasMessageContaining("try again");
        }
        assertThat(idsMatching(PostFields.BODY, "wombatword")).isEmpty();
        assertThat(indexer.update(content, index).added()).isEqualTo(1);
    }

    @Test
    void aRunThatFailsHalfWayLeavesThePreviousIndexAndTheNextRunCompletes() throws IOException {
        write("posts/brand-new.md", "---\ntitle: New\n---\nwombatword\n");
        long generation = commitGeneration();
        IndexProgress failing = new IndexProgress() {
            private final java.util.concurrent.atomic.AtomicInteger done =
                    new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public void postDone() {
                if (done.incrementAndGet() == samplePosts / 2) {
                    throw new IllegalStateException("disk full, say");
                }
            }
        };
        assertThatThrownBy(() -> indexer.index(content, index, true, failing)).isInstanceOf(IOException.class);

        assertThat(commitGeneration()).isEqualTo(generation);
        assertThat(sourcesById()).hasSize(samplePosts);
        assertThat(idsMatching(PostFields.BODY, "wombatword")).isEmpty();
        IndexRunSummary next = indexer.update(content, index);
        assertThat(next.added()).isEqualTo(1);
        assertThat(idsMatching(PostFields.BODY, "wombatword")).containsExactly("posts/brand-new");
    }

    private int segmentCount() throws IOException {
        try (Directory directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.leaves().size();
        }
    }

    private void write(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Path append(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
        return file;
    }

    private void setEveryPostModified(Instant time) throws IOException {
        try (var files = Files.walk(content)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(time));
            }
        }
    }

    private long commitGeneration() throws IOException {
        try (Directory directory = FSDirectory.open(index)) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory)
                    .getGeneration();
        }
    }

    private List<String> idsMatching(String field, String word) throws IOException {
        try (Directory directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<String> ids = new java.util.ArrayList<>();
            for (ScoreDoc hit : searcher.search(new TermQuery(new Term(field, word)), 100).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(PostFields.ID));
            }
            return ids;
        }
    }

    private Map<String, String> sourcesById() throws IOException {
        return storedById(PostFields.SOURCE);
    }

    /** Every stored field of every post but the content hash, by post id. */
    private Map<String, String> storedFieldsById() throws IOException {
        return storedById(null);
    }

    private Map<String, String> storedById(String onlyField) throws IOException {
        Map<String, String> byId = new TreeMap<>();
        try (Directory directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), 10_000).scoreDocs) {
                var doc = searcher.storedFields().document(hit.doc);
                String value = onlyField != null
                        ? doc.get(onlyField)
                        : doc.getFields().stream()
                                .filter(field -> !field.name().equals(PostFields.CONTENT_HASH))
                                .map(field -> field.name() + "=" + field.stringValue())
                                .sorted()
                                .toList()
                                .toString();
                byId.put(doc.get(PostFields.ID), value);
            }
        }
        return byId;
    }
}
