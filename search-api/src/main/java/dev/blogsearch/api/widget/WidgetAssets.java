package dev.blogsearch.api.widget;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The widget's script and stylesheet, read once from the classpath, each with a version: the first 12 hex digits
 * of the SHA-256 of its bytes. The script learns the stylesheet's version (it loads {@code widget.css?v=...}), so
 * a page that pins the script's version gets a stylesheet that matches it. Immutable and thread-safe.
 */
@Singleton
public final class WidgetAssets {

    static final String CSS_VERSION_PLACEHOLDER = "__BLOGSEARCH_CSS_VERSION__";

    /** A served file: its bytes and its version. */
    public record Asset(byte[] bytes, String version) {}

    private final Asset script;
    private final Asset stylesheet;

    public WidgetAssets() {
        String css = read("widget/widget.css");
        stylesheet = asset(css);
        script = asset(read("widget/widget.js").replace(CSS_VERSION_PLACEHOLDER, stylesheet.version()));
    }

    public Asset script() {
        return script;
    }

    public Asset stylesheet() {
        return stylesheet;
    }

    private static Asset asset(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, HexFormat.of().formatHex(digest, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = WidgetAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
