package dev.blogsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the admin endpoints ({@code /api/admin/**}), under {@code blogsearch.admin}.
 *
 * @param token the secret a caller sends as {@code Authorization: Bearer <token>}
 *              ({@code BLOGSEARCH_ADMIN_TOKEN}); empty turns the admin endpoints off
 */
@ConfigurationProperties("blogsearch.admin")
public record AdminConfig(@Bindable(defaultValue = "") String token) {

    /** Whether admin endpoints answer at all: only when the owner has set a token. */
    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    /** Never prints the token, should the settings ever be logged. */
    @Override
    public String toString() {
        return "AdminConfig[token=" + (enabled() ? "(set)" : "(none)") + "]";
    }
}
