package dev.blogsearch.indexer.content;

/**
 * A Hugo site configuration that cannot be read, with a one-line message naming the file and the key
 * ({@code config/_default/languages.toml: languages.en.weight: expected a whole number, found "two"}). File names
 * are relative to the site's folder.
 */
public class SiteConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public SiteConfigException(String message) {
        super(message);
    }

    public SiteConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
