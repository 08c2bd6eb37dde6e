package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

/**
 * Settings of the admin endpoints ({@code /api/admin/**}), under {@code blogsearch.admin}. Bound first thing at
 * start-up ({@link Context}, {@link Order}), so that a token too short to be safe stops the service before it
 * indexes or serves anything.
 *
 * @param token                    the secret a caller sends as {@code Authorization: Bearer <token>}
 *                                 ({@code BLOGSEARCH_ADMIN_TOKEN}), at least {@value #MIN_TOKEN_LENGTH} characters;
 *                                 empty turns the admin endpoints off
 * @param failedAttemptsBurst      wrong tokens one address may send before it is refused with 429
 * @param failedAttemptsPerMinute  wrong tokens an address may send a minute after that
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after SettingValues, which checks that its numbers are numbers
@ConfigurationProperties("blogsearch.admin")
public record AdminConfig(String token, int failedAttemptsBurst, double failedAttemptsPerMinute) {

    /** 32 characters of {@code openssl rand -hex 32} are 128 bits: out of reach of any number of guesses. */
    public static final int MIN_TOKEN_LENGTH = 32;

    public AdminConfig {
        token = token == null ? "" : token;
        if (!token.isBlank() && token.length() < MIN_TOKEN_LENGTH) {
            // Never the token itself: this message goes to the log.
            throw new InvalidSettingException("The admin token (BLOGSEARCH_ADMIN_TOKEN, blogsearch.admin.token) is "
                    + token.length() + " characters; it needs at least " + MIN_TOKEN_LENGTH
                    + " to resist guessing. Make one with: openssl rand -hex 32 (or leave it empty to turn the admin"
                    + " endpoints off).");
        }
        if (failedAttemptsBurst < 1 || failedAttemptsPerMinute <= 0) {
            throw new InvalidSettingException(
                    "blogsearch.admin.failed-attempts-burst and failed-attempts-per-minute must be positive");
        }
    }

    /** Whether admin endpoints answer at all: only when the owner has set a token. */
    public boolean enabled() {
        return !token.isBlank();
    }

    /** Never prints the token, should the settings ever be logged. */
    @Override
    public String toString() {
        return "AdminConfig[token=" + (enabled() ? "(set)" : "(none)") + ", failedAttemptsBurst=" + failedAttemptsBurst
                + ", failedAttemptsPerMinute=" + failedAttemptsPerMinute + "]";
    }
}
