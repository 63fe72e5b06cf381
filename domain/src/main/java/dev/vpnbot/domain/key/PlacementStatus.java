package dev.vpnbot.domain.key;

/** Where one of a key's locations is. */
public enum PlacementStatus {
    /** Wanted on the server; its client is not (known to be) on the panel yet. The placement sweep creates it. */
    PENDING,
    /** The key's client is on the server's panel; listed in the subscription while the server is switched on. */
    ACTIVE,
    /** Taken out of the key (a move's source, an admin's choice): never listed, never recreated. */
    DISABLED
}
