package dev.blogsearch.api.web;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The one reader of the API's query parameters, for every controller: parameters arrive as text and are checked
 * here against {@link SearchLimits}, so a bad one is refused the same way on every endpoint (400, {@link ApiError}'s
 * JSON, a message naming the parameter and what to send) rather than with a conversion error. Stateless.
 */
public final class RequestParameters {

    private RequestParameters() {}

    /** A whole number from {@code min} to {@code max}; {@code absent} when the parameter is missing or blank. */
    public static int integer(String name, @Nullable String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        OptionalInt number = integer(value, min, max);
        if (number.isPresent()) {
            return number.getAsInt();
        }
        throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ".");
    }

    /**
     * A whole number from {@code min} to {@code max}, or empty when the value is missing, not a number or out of
     * range: for a beacon, whose caller cannot act on an error.
     */
    public static OptionalInt integer(@Nullable String value, int min, int max) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int number = Integer.parseInt(value.strip());
            return number >= min && number <= max ? OptionalInt.of(number) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** {@code true}, {@code 1}, {@code yes} or {@code on}; {@code false}, {@code 0}, {@code no} or {@code off}. */
    public static boolean flag(String name, @Nullable String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new BadRequestException(name + " must be true or false.");
        };
    }

    /** The text of the search box ({@code q}), stripped; empty when missing; at most {@link SearchLimits#MAX_QUERY_LENGTH}. */
    public static String query(@Nullable String q) {
        String query = q == null ? "" : q.strip();
        if (!fitsQuery(query)) {
            throw new BadRequestException("q is too long: at most " + SearchLimits.MAX_QUERY_LENGTH + " characters.");
        }
        return query;
    }

    /** Whether {@code q} is no longer than a query the search endpoints accept (counted in code points). */
    public static boolean fitsQuery(String q) {
        return q.codePointCount(0, q.length()) <= SearchLimits.MAX_QUERY_LENGTH;
    }

    /** A post's id as a path or parameter gives it; at most {@link SearchLimits#MAX_ID_LENGTH} characters. */
    public static String postId(String id) {
        if (!fitsPostId(id)) {
            throw new BadRequestException(
                    "The post id is too long: at most " + SearchLimits.MAX_ID_LENGTH + " characters.");
        }
        return id;
    }

    /** Whether {@code id} is no longer than any post id the index can hold. */
    public static boolean fitsPostId(String id) {
        return id.length() <= SearchLimits.MAX_ID_LENGTH;
    }
}
