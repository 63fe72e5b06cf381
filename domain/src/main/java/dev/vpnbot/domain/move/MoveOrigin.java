package dev.vpnbot.domain.move;

/** Who asked for a move: the key's owner ("Change location"), or an admin emptying a server. */
public enum MoveOrigin {
    /** Counts against the key's daily move limit. */
    BUYER,
    /** One key of an evacuation; no daily limit. */
    EVACUATION
}
