package dev.blogsearch.api.config;

/**
 * A setting the operator must change before the service can start. The message names the setting (property and
 * environment variable) and says what would do; the service prints it as its one line of failure.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
