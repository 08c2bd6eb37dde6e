package dev.blogsearch.indexer.index;

import java.util.Optional;

/** Whether a run updates the index post by post or rebuilds it whole, and why. */
public enum RunKind {
    INCREMENTAL("only new and changed posts were analysed"),
    FULL_REQUESTED("a full rebuild was asked for"),
    NEW_INDEX("there was no index yet"),
    SCHEMA_CHANGED("the index was written by another version of the indexer"),
    SETTINGS_CHANGED("the settings or the dictionary changed");

    private final String reason;

    RunKind(String reason) {
        this.reason = reason;
    }

    /** Why the run was of this kind, for people. */
    public String reason() {
        return reason;
    }

    public boolean full() {
        return this != INCREMENTAL;
    }

    /**
     * What a run must do: posts kept from an index are only valid when the same schema and settings built it.
     *
     * @param fullRequested       the caller asked for a rebuild ({@code --full})
     * @param existing            the metadata of the index's latest commit, empty when there is none
     * @param settingsFingerprint {@link IndexSettings#fingerprint()} of this run
     */
    static RunKind decide(boolean fullRequested, Optional<IndexMetadata> existing, String settingsFingerprint) {
        if (fullRequested) {
            return FULL_REQUESTED;
        }
        if (existing.isEmpty()) {
            return NEW_INDEX;
        }
        if (existing.get().schemaVersion() != IndexMetadata.SCHEMA_VERSION) {
            return SCHEMA_CHANGED;
        }
        if (!existing.get().settingsFingerprint().equals(settingsFingerprint)) {
            return SETTINGS_CHANGED;
        }
        return INCREMENTAL;
    }
}
