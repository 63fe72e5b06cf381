package dev.vpnbot.domain.server;

import java.util.Objects;

/**
 * One VPN server: a 3x-ui panel and the inbound on it that our keys are created in.
 *
 * @param name       what buyers see, e.g. "🇩🇪 Frankfurt"
 * @param inboundId  the panel's inbound that holds our clients
 * @param maxClients capacity in keys; a full server is not offered to buyers
 * @param activeKeys current load: keys on this server that have not expired
 */
public record Server(ServerId id, String name, PanelConnection connection, int inboundId,
                     boolean active, int maxClients, int activeKeys) {

    public static final int MAX_NAME_LENGTH = 64;

    public Server {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("server name must be 1.." + MAX_NAME_LENGTH + " characters");
        }
        if (inboundId <= 0) throw new IllegalArgumentException("inbound id must be positive: " + inboundId);
        if (maxClients < 1) throw new IllegalArgumentException("max clients must be at least 1: " + maxClients);
        if (activeKeys < 0) throw new IllegalArgumentException("active keys cannot be negative: " + activeKeys);
    }

    public boolean hasRoom() {
        return activeKeys < maxClients;
    }

    /** A buyer may pick a server that is switched on and not full. */
    public boolean isOfferedToBuyers() {
        return active && hasRoom();
    }

    public int freeSlots() {
        return Math.max(0, maxClients - activeKeys);
    }

    public Server withLoad(int newActiveKeys) {
        return new Server(id, name, connection, inboundId, active, maxClients, newActiveKeys);
    }

    public Server withActive(boolean newActive) {
        return new Server(id, name, connection, inboundId, newActive, maxClients, activeKeys);
    }

    public Server withName(String newName) {
        return new Server(id, newName, connection, inboundId, active, maxClients, activeKeys);
    }

    public Server withMaxClients(int newMax) {
        return new Server(id, name, connection, inboundId, active, newMax, activeKeys);
    }

    public Server withConnection(PanelConnection newConnection) {
        return new Server(id, name, newConnection, inboundId, active, maxClients, activeKeys);
    }

    public Server withInboundId(int newInboundId) {
        return new Server(id, name, connection, newInboundId, active, maxClients, activeKeys);
    }
}
