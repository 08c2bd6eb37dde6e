package dev.blogsearch.solrcloud;

import dev.blogsearch.indexer.index.FileStamp;
import dev.blogsearch.indexer.index.IndexMetadata;
import dev.blogsearch.indexer.index.PostStore;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CommonParams;

/**
 * A blog's posts in a SolrCloud collection, written with the indexer's rules ({@code BlogIndexer}): each post's
 * content hash and file stamp are stored with it, so a run re-sends only changed posts; vanished files are deleted;
 * the run is one commit at its end, and until then searches see the previous posts (the configset's automatic hard
 * commits open no searcher). How the collection was built (schema version, settings) is kept in its properties.
 *
 * <p>Two things differ from the embedded index. SolrCloud has no rollback: the updates of a run that fails are not
 * withdrawn, and become visible with the next commit; each is a post as its file now reads, and the next run
 * completes the rest. And a rebuild cannot drop the collection first without readers seeing it empty at the next
 * commit, so it writes every post again and then deletes those it did not write.
 *
 * <p>Documents go in batches of {@value #BATCH}; a post's own file is its address ({@code source}), its id the
 * post id. Thread-safe.
 */
public final class SolrPostStore implements PostStore {

    static final int BATCH = 100;
    private static final int PAGE = 1000;

    private final SolrCollection collection;
    private final Object lock = new Object();
    private List<SolrInputDocument> pending = new ArrayList<>();
    /** The id of each post {@link #indexedFiles} read, by source file: what a restamp addresses. */
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    public SolrPostStore(SolrCollection collection) {
        this.collection = collection;
    }

    @Override
    public String name() {
        return "collection " + collection.name() + " at " + collection.address();
    }

    @Override
    public Optional<IndexMetadata> metadata() throws IOException {
        return IndexMetadata.fromUserData(collection.properties());
    }

    @Override
    public Map<String, IndexedFile> indexedFiles() throws IOException {
        Map<String, IndexedFile> files = new HashMap<>();
        SolrQuery query = new SolrQuery("*:*");
        query.set("defType", "lucene");
        query.setFields(
                PostFields.ID, PostFields.SOURCE, PostFields.CONTENT_HASH, PostFields.FILE_STAMP, PostFields.EXPIRY);
        try {
            SolrCollection.forEachDocument(
                    query, PAGE, page -> collection.client().query(collection.name(), page), doc -> {
                        Object source = doc.getFirstValue(PostFields.SOURCE);
                        Object hash = doc.getFirstValue(PostFields.CONTENT_HASH);
                        if (source != null && hash != null) {
                            Object stamp = doc.getFirstValue(PostFields.FILE_STAMP);
                            Object expiry = doc.getFirstValue(PostFields.EXPIRY);
                            ids.put(source.toString(), String.valueOf(doc.getFirstValue(PostFields.ID)));
                            files.put(
                                    source.toString(),
                                    new IndexedFile(
                                            hash.toString(),
                                            stamp == null
                                                    ? FileStamp.UNKNOWN
                                                    : FileStamp.fromBytes(new BytesRef(stamp.toString())),
                                            expiry instanceof Number number ? number.longValue() : null));
                        }
                    });
            return files;
        } catch (SolrServerException | SolrException e) {
            throw collection.failed("read the posts of", e);
        }
    }

    @Override
    public Set<String> startRebuild() throws IOException {
        return indexedFiles().keySet();
    }

    @Override
    public void put(String source, Document document) throws IOException {
        queue(SolrDocuments.of(document));
    }

    /** An atomic update of the stamp alone; {@code _version_ = 1} makes it fail rather than create a post. */
    @Override
    public void restamp(String source, FileStamp stamp) throws IOException {
        SolrInputDocument update = new SolrInputDocument();
        // The id the post was indexed under: with a site's languages it is not the file's path alone.
        String id = ids.get(source);
        if (id == null) {
            throw new IllegalStateException("restamp of " + source + ", which the collection did not hold");
        }
        update.addField(PostFields.ID, id);
        update.addField(PostFields.FILE_STAMP, Map.of("set", stamp.toBytes().utf8ToString()));
        update.addField(CommonParams.VERSION_FIELD, 1L);
        queue(update);
    }

    /**
     * By its file, not its id: a renamed file ({@code a.md} to {@code a/index.md}) keeps its post id, and its new
     * document must not go with the old file.
     */
    @Override
    public void delete(String source) throws IOException {
        UpdateRequest request = new UpdateRequest();
        request.deleteByQuery("{!term f=" + PostFields.SOURCE + "}" + source);
        send(request);
    }

    @Override
    public void flushThread() throws IOException {
        flush();
    }

    private void queue(SolrInputDocument document) throws IOException {
        List<SolrInputDocument> full = null;
        synchronized (lock) {
            pending.add(document);
            if (pending.size() >= BATCH) {
                full = pending;
                pending = new ArrayList<>();
            }
        }
        if (full != null) {
            sendDocuments(full);
        }
    }

    private void flush() throws IOException {
        List<SolrInputDocument> rest;
        synchronized (lock) {
            rest = pending;
            pending = new ArrayList<>();
        }
        if (!rest.isEmpty()) {
            sendDocuments(rest);
        }
    }

    private void sendDocuments(List<SolrInputDocument> documents) throws IOException {
        UpdateRequest request = new UpdateRequest();
        request.add(documents);
        send(request);
    }

    private void send(UpdateRequest request) throws IOException {
        try {
            request.process(collection.client(), collection.name());
        } catch (SolrServerException | SolrException e) {
            throw collection.failed("write to", e);
        }
    }

    /**
     * Commits on every shard (each opens a new searcher before this returns), then records how the collection was
     * built. A run killed in between leaves the previous properties: the next run rebuilds, which is safe.
     */
    @Override
    public void commit(IndexMetadata metadata, boolean rebuilt) throws IOException {
        flush();
        try {
            collection.client().commit(collection.name(), true, true);
        } catch (SolrServerException | SolrException e) {
            throw collection.failed("commit", e);
        }
        collection.setProperties(metadata.toUserData());
    }

    @Override
    public void abandon(Throwable failure) {
        synchronized (lock) {
            pending = new ArrayList<>();
        }
    }

    @Override
    public void close() {
        // The collection's client belongs to the caller.
    }
}
