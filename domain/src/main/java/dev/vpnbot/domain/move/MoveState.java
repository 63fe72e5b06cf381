package dev.vpnbot.domain.move;

/**
 * Where a key's move between servers stands. Each state names the last step that is done, so a
 * process that dies anywhere resumes with the next one (every step can be repeated harmlessly).
 */
public enum MoveState {
    /** Written down with a pending placement on the target; the target's client is not (known to be) made yet. */
    REQUESTED,
    /**
     * The target's client is made, the key's home is the target and the source's placement is
     * disabled (one transaction): the subscription lists only the target. The source's client
     * may still be switched on at its panel.
     */
    TARGET_PLACED,
    /** The source's client is switched off at its panel; it is deleted once the delay is over. */
    SOURCE_DISABLED,
    /** The source's client and placement are gone (or were taken over by a later move back). */
    DONE,
    /** Given up before the key left the source (the key changed under it, or the target went away); the key works where it was. */
    FAILED;

    /** Still to be worked on by the move job. */
    public boolean isOpen() {
        return this == REQUESTED || this == TARGET_PLACED || this == SOURCE_DISABLED;
    }

    /** The key has not left its source yet: the move holds a slot on the target. */
    public boolean holdsTargetSlot() {
        return this == REQUESTED;
    }
}
