package dev.blogsearch.solr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.CoreContainer;

/** One Solr core in this JVM, made from our configset as the build wrote it, for the plugin's tests. */
final class SolrCore implements AutoCloseable {

    static final String NAME = "blog";
    /** The configset's files, as the build leaves them on the class path. */
    static final List<String> CONFIGSET_FILES =
            List.of("solrconfig.xml", "schema.xml", "dictionary.txt", "synonyms.txt");

    final CoreContainer container;
    final EmbeddedSolrServer client;

    private SolrCore(CoreContainer container) {
        this.container = container;
        this.client = new EmbeddedSolrServer(container, NAME);
    }

    static SolrCore start(Path home) throws IOException {
        Path conf = Files.createDirectories(home.resolve(NAME).resolve("conf"));
        for (String file : CONFIGSET_FILES) {
            try (InputStream in =
                    SolrCore.class.getResourceAsStream("/" + ConfigsetWriter.CLASSPATH_DIR + "/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("the build did not write the configset's " + file);
                }
                Files.copy(in, conf.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(home.resolve(NAME).resolve("core.properties"), "name=" + NAME + "\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("solr.xml"), "<solr/>\n", StandardCharsets.UTF_8);
        return new SolrCore(CoreContainer.createAndLoad(home));
    }

    org.apache.solr.core.SolrCore core() {
        return container.getCore(NAME);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
