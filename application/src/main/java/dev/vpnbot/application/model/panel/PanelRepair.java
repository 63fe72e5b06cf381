package dev.vpnbot.application.model.panel;

import dev.vpnbot.domain.key.KeyLinks;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a panel had to change so that a client matches our database, and the client's links.
 * An empty {@code fixes} means the panel already agreed.
 */
public record PanelRepair(KeyLinks links, Set<Fix> fixes) {

    /** One kind of disagreement between the panel and our database, repaired from the database. */
    public enum Fix {
        /** The client was missing and has been created. */
        CREATED,
        /** The client was switched off and has been switched on. */
        ENABLED,
        /** The client's expiry differed and has been set to ours, to the millisecond. */
        EXPIRY,
        /** The client's flow did not suit its inbound (e.g. Vision lost by a hand edit). */
        FLOW,
        /** The client's subscription id differed from ours. */
        SUB_ID,
        /** The inbound held more than one copy of the client; the extra copies were removed. */
        DUPLICATES_REMOVED
    }

    public PanelRepair {
        Objects.requireNonNull(links, "links");
        fixes = fixes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fixes));
    }

    public static PanelRepair unchanged(KeyLinks links) {
        return new PanelRepair(links, Set.of());
    }

    public boolean changed() {
        return !fixes.isEmpty();
    }
}
