package dev.vpnbot.application.service.account;

import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.in.account.ShowKeyUsageUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a key's usage from its panel on a reader thread and waits at most {@code timeout} for
 * it: a slow panel makes the screen say "usage unavailable" instead of hanging. The answer is
 * kept for {@code freshFor} (pressing the key again does not ask the panel again), and one
 * read per key is in flight at a time, so a hanging panel does not pile up threads.
 */
public final class KeyUsageReading implements ShowKeyUsageUseCase {
    private static final Logger LOG = Logger.getLogger(KeyUsageReading.class.getName());

    private record Cached(KeyUsage usage, Instant at) {}

    private final Keys keys;
    private final Servers servers;
    private final ClientUsage panel;
    private final Clock clock;
    private final Duration freshFor;
    private final Duration timeout;
    private final Executor readers;
    private final Map<KeyId, Cached> cache = new ConcurrentHashMap<>();
    private final Map<KeyId, CompletableFuture<KeyUsage>> inFlight = new ConcurrentHashMap<>();

    public KeyUsageReading(Keys keys, Servers servers, ClientUsage panel, Clock clock, Duration freshFor, Duration timeout,
                           Executor readers) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.panel = Objects.requireNonNull(panel, "panel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.freshFor = Objects.requireNonNull(freshFor, "freshFor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.readers = Objects.requireNonNull(readers, "readers");
    }

    /** A minute's cache, three seconds' patience, daemon reader threads. */
    public KeyUsageReading(Keys keys, Servers servers, ClientUsage panel, Clock clock) {
        this(keys, servers, panel, clock, Duration.ofMinutes(1), Duration.ofSeconds(3), Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "key-usage-reader");
            t.setDaemon(true);
            return t;
        }));
    }

    @Override
    public KeyUsage usage(UserId user, KeyId keyId) {
        Optional<VpnKey> found = keys.find(keyId).filter(k -> k.belongsTo(user) && k.status() != KeyStatus.DELETED);
        if (found.isEmpty() || found.get().links() == null) return new KeyUsage.Unavailable();
        VpnKey key = found.get();
        Cached cached = cache.get(keyId);
        if (cached != null && clock.instant().isBefore(cached.at().plus(freshFor))) return cached.usage();
        CompletableFuture<KeyUsage> mine = new CompletableFuture<>();
        CompletableFuture<KeyUsage> reading = inFlight.putIfAbsent(keyId, mine);
        if (reading == null) {
            reading = mine;
            read(key, mine);
        }
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info(() -> "panel did not report the usage of key " + keyId.value() + " within " + timeout);
            return new KeyUsage.Unavailable();
        } catch (ExecutionException e) {
            return new KeyUsage.Unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KeyUsage.Unavailable();
        }
    }

    private void read(VpnKey key, CompletableFuture<KeyUsage> future) {
        try {
            readers.execute(() -> {
                KeyUsage usage;
                try {
                    usage = ask(key);
                    cache.put(key.id(), new Cached(usage, clock.instant()));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not read the usage of key " + key.id().value() + ": " + e);
                    usage = new KeyUsage.Unavailable();
                }
                // out of the in-flight map before anyone is answered: the next caller must start a fresh read
                inFlight.remove(key.id(), future);
                future.complete(usage);
            });
        } catch (RuntimeException rejected) {
            inFlight.remove(key.id(), future);
            future.complete(new KeyUsage.Unavailable());
        }
    }

    private KeyUsage ask(VpnKey key) {
        Instant at = clock.instant();
        Optional<Server> server = servers.find(key.serverId());
        if (server.isEmpty()) return new KeyUsage.Unavailable();
        Optional<PanelUsage> usage = panel.usage(server.get(), key.client());
        return usage.<KeyUsage>map(u -> new KeyUsage.Live(u, at)).orElseGet(KeyUsage.MissingOnPanel::new);
    }
}
