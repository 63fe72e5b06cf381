package dev.vpnbot.application.service.move;

import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.SentNotifications;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.MoveNews;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One notice per user and evacuation: when an evacuated key lands on its new server its owner is told
 * (the ledger entry {@code evacuation:<id>/user:<telegram id>} is claimed first, so a user with several
 * keys there, or a move repeated after a crash, gets one message at most).
 */
public final class EvacuationNotices implements Consumer<KeyMove> {
    public static final String KIND = "evacuation";

    private final Keys keys;
    private final Users users;
    private final Servers servers;
    private final SentNotifications ledger;
    private final MoveNews news;

    public EvacuationNotices(Keys keys, Users users, Servers servers, SentNotifications ledger, MoveNews news) {
        this.keys = keys;
        this.users = users;
        this.servers = servers;
        this.ledger = ledger;
        this.news = news;
    }

    @Override
    public void accept(KeyMove move) {
        if (move.evacuation() == null) return; // a buyer's own move: the screen told them
        Optional<VpnKey> key = keys.find(move.key());
        if (key.isEmpty()) return;
        String subject = "evacuation:" + move.evacuation() + "/user:" + key.get().owner().telegramId();
        if (!ledger.claim(KIND, subject)) return;
        Recipient to = Recipient.of(key.get().owner(), users.find(key.get().owner()));
        if (to.blocked()) return;
        news.keyEvacuated(to, key.get(), name(move.from()), name(move.to()));
    }

    private String name(ServerId id) {
        return servers.find(id).map(Server::name).orElse("#" + id);
    }
}
