package dev.vpnbot.domain.server;

/** A server group's id; {@link #ALL} is "all locations", which every schema has. */
public record ServerGroupId(long value) {
    public static final ServerGroupId ALL = new ServerGroupId(1);

    public ServerGroupId {
        if (value <= 0) throw new IllegalArgumentException("server group id must be positive: " + value);
    }
}
