package dev.vpnbot.application.port.out.admin;

import dev.vpnbot.domain.broadcast.Broadcast;
import java.util.List;
import java.util.Optional;

/** Outgoing port: broadcasts and their progress. */
public interface Broadcasts {
    long nextId();

    void save(Broadcast broadcast);

    Optional<Broadcast> find(long id);

    /** Broadcasts in SENDING state, oldest first. */
    List<Broadcast> sending();
}
