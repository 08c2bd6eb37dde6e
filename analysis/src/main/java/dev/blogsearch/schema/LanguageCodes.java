package dev.blogsearch.schema;

import java.util.Locale;

/**
 * How a language code is written in the index ({@link PostFields#LANG}) and compared with it: trimmed and lower
 * case, as Hugo keys a site's languages ({@code zh-CN} in a config or a request is {@code zh-cn}). The one home of
 * that rule: the site's configuration, the search's {@code lang=} filter and the related posts' language all read
 * codes through it, so a code any of them accepts matches the posts.
 */
public final class LanguageCodes {

    private LanguageCodes() {}

    /** {@code code} as the index writes it; {@code null} stays {@code null}. */
    public static String of(String code) {
        return code == null ? null : code.strip().toLowerCase(Locale.ROOT);
    }
}
