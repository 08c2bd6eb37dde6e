package dev.blogsearch.api.web;

import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a small bilingual Hugo site (Chinese by default, English under {@code /en/}) from a fresh temporary folder:
 * a post about tea in both languages (one translation key), an English post about a kettle, and three posts for
 * related posts (a Chinese one that shares more tags with the English etcd post than the English one does).
 */
public interface BilingualSite extends TestPropertyProvider {

    private static void write(Path site, String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    default Map<String, String> getProperties() {
        try {
            Path site = Files.createTempDirectory("blogsearch-bilingual");
            write(
                    site,
                    "hugo.toml",
                    "defaultContentLanguage = \"zh\"\n[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n");
            write(site, "content/posts/tea/index.md", "---\ntitle: 泡茶\n---\n绿茶 tea 的泡法\n");
            write(site, "content/posts/tea/index.en.md", "---\ntitle: Brewing tea\n---\nhow to brew green tea\n");
            write(site, "content/posts/kettle.en.md", "---\ntitle: Kettle\n---\na kettle for tea\n");
            write(
                    site,
                    "content/posts/etcd/index.en.md",
                    "---\ntitle: Backing up etcd\ntags: [kubernetes, etcd]\n---\nsnapshots of etcd\n");
            write(site, "content/posts/raft.md", "---\ntitle: Raft 共识\ntags: [kubernetes, etcd]\n---\netcd 的共识算法\n");
            write(site, "content/posts/pods.en.md", "---\ntitle: Pods\ntags: [kubernetes]\n---\nscheduling pods\n");
            return Map.of(
                    "blogsearch.site-dir", site.toString(),
                    "blogsearch.index-dir", site.resolve("index").toString(),
                    "blogsearch.analytics.enabled", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
