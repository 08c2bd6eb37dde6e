package dev.blogsearch.solrcloud;

import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.solr.ConfigsetWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrException;

/**
 * Uploads the blogsearch configset (the one the plugin jar carries, generated from the analysis module) and
 * creates a collection with it. The blog owner's dictionary, when given, is added to the configset's glossary.
 */
public final class CollectionCreator {

    /** The configset's files, in the plugin jar under {@link ConfigsetWriter#CLASSPATH_DIR}. */
    public static final List<String> FILES =
            List.of("solrconfig.xml", "schema.xml", UserDictionary.RESOURCE, "synonyms.txt");

    private static final int ACTIVE_SECONDS = 120;

    private CollectionCreator() {}

    /**
     * Uploads the configset as {@code configName} (replacing one of that name) and creates the collection.
     *
     * @param dictionaries the owner's dictionary files, added to the configset's {@value UserDictionary#RESOURCE}
     */
    public static void create(
            SolrCollection collection, String configName, int shards, int replicas, List<Path> dictionaries)
            throws IOException {
        if (collection.exists()) {
            throw new IOException("the SolrCloud cluster at " + collection.address() + " already has a collection "
                    + collection.name());
        }
        try {
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                    .setConfigSetName(configName)
                    .setOverwrite(true)
                    .setUploadFile(zipFile(dictionaries).toFile(), "application/zip");
            upload.process(collection.client());
            CollectionAdminRequest.createCollection(collection.name(), configName, shards, replicas)
                    .process(collection.client());
            awaitActive(collection, shards, replicas);
        } catch (SolrServerException | SolrException e) {
            throw collection.failed("create", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating collection " + collection.name(), e);
        }
    }

    /**
     * Waits until every replica of every shard is active, asking the cluster's state (ZooKeeper's, or a node's over
     * HTTP) a few times a second.
     */
    private static void awaitActive(SolrCollection collection, int shards, int replicas)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACTIVE_SECONDS);
        while (true) {
            var state = collection.client().getClusterState();
            var docs = state.getCollectionOrNull(collection.name());
            if (docs != null
                    && docs.getSlices().size() == shards
                    && docs.getSlices().stream()
                            .allMatch(slice -> slice.getReplicas().stream()
                                            .filter(replica -> replica.isActive(state.getLiveNodes()))
                                            .count()
                                    == replicas)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("collection " + collection.name() + " was created but its replicas were not"
                        + " all active after " + ACTIVE_SECONDS + " s");
            }
            Thread.sleep(250);
        }
    }

    /** The configset as a zip file, which the Configsets API takes. */
    static Path zipFile(List<Path> dictionaries) throws IOException {
        Path zip = Files.createTempFile("blogsearch-configset", ".zip");
        zip.toFile().deleteOnExit();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String file : FILES) {
                byte[] bytes = read(file);
                if (file.equals(UserDictionary.RESOURCE)) {
                    bytes = withOwnerWords(bytes, dictionaries);
                }
                out.putNextEntry(new ZipEntry(file));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** The configset's files as the plugin jar carries them. */
    public static byte[] read(String file) throws IOException {
        String resource = "/" + ConfigsetWriter.CLASSPATH_DIR + "/" + file;
        try (InputStream in = CollectionCreator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the plugin jar has no " + resource);
            }
            return in.readAllBytes();
        }
    }

    private static byte[] withOwnerWords(byte[] glossary, List<Path> dictionaries) throws IOException {
        ByteArrayOutputStream words = new ByteArrayOutputStream();
        words.write(glossary);
        for (Path dictionary : dictionaries) {
            words.write(("\n# " + dictionary.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            words.write(Files.readAllBytes(dictionary));
        }
        return words.toByteArray();
    }
}
