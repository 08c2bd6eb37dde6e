package dev.blogsearch.indexer.content;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Which posts Hugo publishes on a build, as Hugo 0.111 decides on a plain {@code hugo} build: no drafts, nothing
 * whose publish date is still to come, nothing past its expiry date, no page that is never listed or never
 * rendered, no headless bundle. Immutable and thread-safe.
 *
 * @param drafts  include drafts, as {@code hugo --buildDrafts} ({@code --drafts})
 * @param future  include posts whose publish date is in the future, as {@code hugo --buildFuture} ({@code --future})
 * @param expired include posts past their expiry date, as {@code hugo --buildExpired} ({@code --expired})
 */
public record PublishRules(boolean drafts, boolean future, boolean expired) {

    /** Hugo's plain build: none of drafts, future and expired posts. */
    public static final PublishRules HUGO_DEFAULT = new PublishRules(false, false, false);

    /** Whether a post is published, or why not. */
    public enum Verdict {
        PUBLISHED(null, null),
        DRAFT("draft", "--drafts"),
        SCHEDULED("scheduled", "--future"),
        EXPIRED("expired", "--expired"),
        HEADLESS("headless", null),
        NOT_RENDERED("not rendered", null),
        NOT_LISTED("not listed", null);

        private final String label;
        private final String flag;

        Verdict(String label, String flag) {
            this.label = label;
            this.flag = flag;
        }

        /** What a skipped post is, for people ({@code scheduled}); {@code null} for {@link #PUBLISHED}. */
        public String label() {
            return label;
        }

        /** The option that includes such posts, or {@code null} when none does (front matter decides). */
        public String flag() {
            return flag;
        }
    }

    /** Whether {@code post} is published at {@code now}, or the first reason it is not. */
    public Verdict judge(Post post, Instant now) {
        Publishing publishing = post.publishing();
        if (post.draft() && !drafts) {
            return Verdict.DRAFT;
        }
        if (!future && isAfter(publishDate(post), now)) {
            return Verdict.SCHEDULED;
        }
        if (!expired
                && publishing.expiryDate() != null
                && publishing.expiryDate().toInstant().isBefore(now)) {
            return Verdict.EXPIRED;
        }
        if (publishing.headless()) {
            return Verdict.HEADLESS;
        }
        if (!publishing.rendered()) {
            return Verdict.NOT_RENDERED;
        }
        if (!publishing.listed()) {
            return Verdict.NOT_LISTED;
        }
        return Verdict.PUBLISHED;
    }

    /**
     * The first moment after {@code now} at which {@link #judge} changes for this post with nothing but the clock
     * moving (a scheduled post's publish date, a published post's expiry date), or {@code null} when none will.
     */
    public Instant nextChange(Post post, Instant now) {
        Verdict verdict = judge(post, now);
        if (verdict == Verdict.SCHEDULED) {
            return publishDate(post).toInstant();
        }
        OffsetDateTime expiry = post.publishing().expiryDate();
        if (verdict == Verdict.PUBLISHED && !expired && isAfter(expiry, now)) {
            return expiry.toInstant();
        }
        return null;
    }

    /** When Hugo publishes a post: its {@code publishDate}, else its {@code date}; {@code null} for at once. */
    static OffsetDateTime publishDate(Post post) {
        return post.publishing().publishDate() != null ? post.publishing().publishDate() : post.date();
    }

    private static boolean isAfter(OffsetDateTime date, Instant now) {
        return date != null && date.toInstant().isAfter(now);
    }
}
