package dev.blogsearch.indexer.content;

import java.time.OffsetDateTime;

/**
 * What a post's front matter says about whether Hugo publishes it, besides {@code draft}; {@link PublishRules}
 * decides.
 *
 * @param publishDate front matter {@code publishDate} (or Hugo's aliases {@code pubdate}, {@code published}), or
 *                    {@code null}: Hugo then publishes a page at its {@code date}
 * @param expiryDate  front matter {@code expiryDate} (or {@code unpublishdate}), or {@code null} for never
 * @param listed      false for {@code _build: {list: never}} (or {@code false}): Hugo renders the page but leaves
 *                    it out of every list; and for {@code list: local}, which keeps it out of the site's lists
 *                    ({@code site.RegularPages}): a page meant to be found only through its section's list
 * @param rendered    false for {@code _build: {render: never}} (or {@code link}, or {@code false}): Hugo writes no
 *                    page for it
 * @param headless    {@code headless: true} on a leaf bundle's {@code index.md}: Hugo neither renders nor lists it
 */
public record Publishing(
        OffsetDateTime publishDate, OffsetDateTime expiryDate, boolean listed, boolean rendered, boolean headless) {

    /** A post without publishing settings: published at its date, never expires. */
    public static final Publishing ALWAYS = new Publishing(null, null, true, true, false);
}
