package dev.blogsearch.solrcloud;

import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.NoOpResponseParser;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.V2Request;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.Utils;

/**
 * A collection of a SolrCloud cluster, reached through SolrJ's cloud client: by its ZooKeeper ensemble
 * ({@code zk1:2181,zk2:2181/solr}, the chroot optional) or by Solr URLs ({@code http://host:8983/solr}, several
 * separated by commas). The client routes each update to its shard's leader and each query to a live replica, so a
 * lost node costs nothing while each shard keeps one.
 */
public final class SolrCollection implements AutoCloseable {

    /** The collection of {@code blog-indexer --solr} without {@code --collection}, which the service then searches. */
    public static final String DEFAULT_NAME = "blogsearch";

    private static final int CONNECT_SECONDS = 15;
    /** How long a watch on the collection's properties lasts after their last read. */
    private static final long PROPERTIES_WATCH_MILLIS = 10 * 60 * 1000L;

    private final CloudSolrClient client;
    private final String address;
    private final String name;

    private SolrCollection(CloudSolrClient client, String address, String name) {
        this.client = client;
        this.address = address;
        this.name = name;
    }

    /**
     * Connects to the cluster and checks that the collection exists.
     *
     * @throws IOException with a one-line message when the cluster cannot be reached or has no such collection
     */
    public static SolrCollection connect(String address, String collection) throws IOException {
        SolrCollection connected = open(address, collection);
        try {
            if (!connected.exists()) {
                throw new IOException("the SolrCloud cluster at " + address + " has no collection " + collection
                        + " (blog-indexer --create-collection creates it)");
            }
            return connected;
        } catch (IOException | RuntimeException e) {
            connected.close();
            throw e;
        }
    }

    /** Connects to the cluster without checking the collection (to create it). */
    public static SolrCollection open(String address, String collection) throws IOException {
        CloudSolrClient client;
        try {
            client = clientFor(address);
        } catch (RuntimeException e) {
            throw unreachable(address, e);
        }
        try {
            client.connect(CONNECT_SECONDS, TimeUnit.SECONDS);
            client.getClusterState().getLiveNodes();
        } catch (TimeoutException | RuntimeException e) {
            closeQuietly(client);
            throw unreachable(address, e);
        } catch (InterruptedException e) {
            closeQuietly(client);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to SolrCloud at " + address, e);
        }
        return new SolrCollection(client, address, collection);
    }

    private static CloudSolrClient clientFor(String address) {
        List<String> parts =
                Arrays.stream(address.split(",")).map(String::strip).toList();
        if (parts.get(0).toLowerCase(Locale.ROOT).startsWith("http://")
                || parts.get(0).toLowerCase(Locale.ROOT).startsWith("https://")) {
            return new CloudHttp2SolrClient.Builder(parts).build();
        }
        // zk1:2181,zk2:2181/solr: the chroot follows the last host.
        String last = parts.get(parts.size() - 1);
        int slash = last.indexOf('/');
        Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(last.substring(slash));
        List<String> hosts = parts.stream()
                .map(host -> host.indexOf('/') < 0 ? host : host.substring(0, host.indexOf('/')))
                .toList();
        return new CloudHttp2SolrClient.Builder(hosts, chroot)
                .withZkConnectTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
                .withZkClientTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    private static IOException unreachable(String address, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IOException("cannot reach the SolrCloud cluster at " + address + ": " + firstLine(why), e);
    }

    static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    public boolean exists() {
        return client.getClusterState().hasCollection(name);
    }

    public CloudSolrClient client() {
        return client;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    /**
     * The collection's properties (kept in ZooKeeper beside its state); empty when it has none. Read from ZooKeeper
     * when connected through it, else through a node's ZooKeeper read API.
     */
    public Map<String, String> properties() throws IOException {
        try {
            if (client.getClusterStateProvider() instanceof ZkClientClusterStateProvider) {
                return Map.copyOf(ZkStateReader.from(client).getCollectionProperties(name, 0));
            }
            V2Request read = new V2Request.Builder("/cluster/zookeeper/data" + ZkStateReader.COLLECTIONS_ZKNODE + "/"
                            + name + "/" + ZkStateReader.COLLECTION_PROPS_ZKNODE)
                    .GET()
                    .build();
            // The node answers with the file itself.
            read.setResponseParser(new NoOpResponseParser("raw"));
            Object json = read.process(client).getResponse().get("response");
            if (json instanceof String text && text.strip().startsWith("{")) {
                Map<String, String> properties = new java.util.HashMap<>();
                ((Map<?, ?>) Utils.fromJSONString(text))
                        .forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
                return properties;
            }
            return Map.of();
        } catch (SolrServerException | SolrException e) {
            if (e instanceof SolrException solr && solr.code() == 404) {
                return Map.of();
            }
            throw failed("read the properties of", e);
        }
    }

    /**
     * The collection's properties for a reader that asks for them often (every search): through ZooKeeper, read once
     * and then kept current by a watch, so an indexer's commit shows without a read per search; through Solr URLs,
     * read each time.
     */
    public Map<String, String> watchedProperties() throws IOException {
        if (client.getClusterStateProvider() instanceof ZkClientClusterStateProvider) {
            try {
                return Map.copyOf(ZkStateReader.from(client).getCollectionProperties(name, PROPERTIES_WATCH_MILLIS));
            } catch (SolrException e) {
                throw failed("read the properties of", e);
            }
        }
        return properties();
    }

    /** Sets the collection's properties, one request each. */
    public void setProperties(Map<String, String> properties) throws IOException {
        try {
            for (Map.Entry<String, String> property : properties.entrySet()) {
                CollectionAdminRequest.setCollectionProperty(name, property.getKey(), property.getValue())
                        .process(client);
            }
        } catch (SolrServerException | SolrException e) {
            throw failed("set the properties of", e);
        }
    }

    /** How a page of a walk over the posts is asked for: the caller's own request, with or without retries. */
    @FunctionalInterface
    interface PageRequest {
        QueryResponse send(SolrQuery page) throws SolrServerException, IOException;
    }

    /**
     * Every document {@code query} matches, {@code pageSize} at a time in the order of their ids (a cursor, so a
     * collection of millions of posts is read without deep paging); {@code request} sends each page.
     */
    static void forEachDocument(SolrQuery query, int pageSize, PageRequest request, Consumer<SolrDocument> each)
            throws SolrServerException, IOException {
        query.setSort(PostFields.ID, SolrQuery.ORDER.asc);
        query.setRows(pageSize);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = request.send(query);
            response.getResults().forEach(each);
            String next = response.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return;
            }
            cursor = next;
        }
    }

    ClusterUnavailableException failed(String what, Exception e) {
        if (e instanceof ClusterUnavailableException already) {
            return already;
        }
        return new ClusterUnavailableException(
                "could not " + what + " collection " + name + " at " + address + ": "
                        + firstLine(String.valueOf(e.getMessage())),
                e);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static void closeQuietly(CloudSolrClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // Closing a client that never connected.
        }
    }
}
