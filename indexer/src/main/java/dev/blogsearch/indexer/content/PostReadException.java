package dev.blogsearch.indexer.content;

/**
 * A post that cannot be read, with a message meant for the blog's owner: what is wrong and, where known, the line
 * or byte offset. Messages never name a Java class or an absolute path; the caller prefixes the relative file.
 */
public class PostReadException extends Exception {

    private static final long serialVersionUID = 1L;

    public PostReadException(String message) {
        super(message);
    }

    public PostReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
