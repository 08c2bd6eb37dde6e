package dev.blogsearch.api.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend the service does not know, or SolrCloud without a cluster to ask, stops it at start with one line. */
class BackendSettingTest {

    @TempDir
    Path temp;

    private EmbeddedServer start(Map<String, Object> settings) throws IOException {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put(
                "blogsearch.content-dir",
                Files.createDirectories(temp.resolve("content")).toString());
        properties.put("blogsearch.index-dir", temp.resolve("index").toString());
        properties.put("blogsearch.analytics.enabled", false);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @Test
    void aMisspeltBackendIsRefusedRatherThanServingTheEmbeddedIndex() {
        assertThatThrownBy(() -> start(Map.of("blogsearch.backend", "solr")).close())
                .rootCause()
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("BLOGSEARCH_BACKEND")
                .hasMessageContaining("embedded or solrcloud, not 'solr'");
    }

    @Test
    void solrCloudWithoutZooKeeperHostsSaysWhichSettingIsMissing() {
        assertThatThrownBy(
                        () -> start(Map.of("blogsearch.backend", "solrcloud")).close())
                .rootCause()
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("BLOGSEARCH_SOLR_ZK_HOST");
    }
}
