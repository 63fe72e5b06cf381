package dev.vpnbot.application.port.in.fulfilment;

/**
 * Use case: one round of the placement sweep. Keys sold for a server group get a placement on
 * the group's servers that were added (or switched on) since, and pending placements whose time
 * has come are created on their panels.
 */
public interface SweepPlacementsUseCase {

    /** What a round did. */
    record Round(int planned, int created, int failed) {}

    Round sweep();
}
