package dev.blogsearch.api;

import dev.blogsearch.api.config.InvalidSettingException;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

public class Application {
    public static void main(String[] args) {
        new Startup().args(args).mainClass(Application.class).start();
    }

    /**
     * Micronaut's start, except that a setting the operator must change ({@link InvalidSettingException}) is one
     * line that names it, not a page of stack trace around it; the exit status is still 1. Anything else is
     * reported as Micronaut does.
     */
    static final class Startup extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            String line = settingToChange(exception);
            if (line == null) {
                super.handleStartupException(environment, exception);
                return;
            }
            System.err.println("The search service did not start: " + line);
            System.exit(1);
        }
    }

    /** The message of the {@link InvalidSettingException} behind a start-up failure, or {@code null}. */
    static String settingToChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidSettingException) {
                return cause.getMessage();
            }
        }
        return null;
    }
}
