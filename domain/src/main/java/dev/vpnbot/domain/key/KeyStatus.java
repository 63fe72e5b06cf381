package dev.vpnbot.domain.key;

/** Where a key is in its life. */
public enum KeyStatus {
    /** Reserved in our database; the panel client may not exist yet. Fulfilment finishes it. */
    PROVISIONING,
    /** On the panel and usable until its expiry. */
    ACTIVE,
    /** Switched off by an admin. */
    DISABLED,
    /** Removed from the panel for good. */
    DELETED
}
