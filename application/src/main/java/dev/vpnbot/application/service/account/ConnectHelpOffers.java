package dev.vpnbot.application.service.account;

import dev.vpnbot.application.model.panel.PanelUsage;
import dev.vpnbot.application.port.in.account.OfferConnectHelpUseCase;
import dev.vpnbot.application.port.out.NewKeys;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.ConnectHelp;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * "Need help connecting?" once per key. Keys made between 72 and 24 hours ago are asked about
 * (older ones are left alone, so switching this on does not message every old customer); the
 * panel says whether the key moved any traffic. The key is claimed in the once-only ledger
 * whatever the answer, so it is checked once; a panel that does not answer leaves it for the
 * next run.
 */
public final class ConnectHelpOffers implements OfferConnectHelpUseCase {
    private static final Logger LOG = Logger.getLogger(ConnectHelpOffers.class.getName());
    static final Duration AFTER = Duration.ofHours(24);
    static final Duration UNTIL = Duration.ofHours(72);

    private final NewKeys newKeys;
    private final Users users;
    private final Servers servers;
    private final ClientUsage usage;
    private final SentNotifications ledger;
    private final ConnectHelp help;
    private final Clock clock;
    private final int batchSize;

    public ConnectHelpOffers(NewKeys newKeys, Users users, Servers servers, ClientUsage usage, SentNotifications ledger,
                             ConnectHelp help, Clock clock, int batchSize) {
        this.newKeys = newKeys;
        this.users = users;
        this.servers = servers;
        this.usage = usage;
        this.ledger = ledger;
        this.help = help;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public int offerDue() {
        Instant now = clock.instant();
        int offered = 0;
        for (VpnKey key : newKeys.activeMadeWithout(now.minus(UNTIL), now.minus(AFTER), NewKeys.CONNECT_HELP, batchSize)) {
            Optional<Server> server = servers.find(key.serverId());
            if (server.isEmpty()) continue;
            Optional<PanelUsage> used;
            try {
                used = usage.usage(server.get(), key.client());
            } catch (PanelException e) {
                LOG.info(() -> "connect help for key " + key.id().value() + " waits: " + e.getMessage());
                continue;
            }
            if (used.isEmpty()) continue; // not on the panel: the drift repair's business first
            if (!ledger.claim(NewKeys.CONNECT_HELP, NewKeys.subject(key))) continue;
            if (used.get().everConnected()) continue;
            Optional<User> owner = users.find(key.owner());
            if (owner.map(u -> !u.blocked()).orElse(false)) {
                help.offer(Recipient.of(key.owner(), owner), key, servers.names().getOrDefault(key.serverId(), "#" + key.serverId()));
                offered++;
            }
        }
        return offered;
    }
}
