package dev.vpnbot.bootstrap.moneypath;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.TcpProxy;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.service.fulfilment.KeyPlacing;
import dev.vpnbot.application.service.move.MoveSettings;
import dev.vpnbot.application.service.move.Moves;
import dev.vpnbot.application.service.move.EvacuationNotices;
import dev.vpnbot.application.service.move.ServerEvacuation;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.application.port.out.notify.MoveNews;
import java.util.Set;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Test fixture for moves: the money path's world (PostgreSQL, Frankfurt on a fake 3x-ui v2.8 behind
 * a line that can be cut) plus Helsinki on a fake 3x-ui v3.6 (another API generation) behind a line
 * of its own; bot processes with the move job wired as bootstrap wires it, over the real panel adapter.
 */
final class MoveWorld implements AutoCloseable {
    static final ServerId FRANKFURT = MoneyPathRig.SERVER;
    static final ServerId HELSINKI = new ServerId(2);
    static final ServerId WARSAW = new ServerId(3);

    final MoneyPathRig rig;
    final FakeThreeXuiPanel helsinkiPanel;
    final TcpProxy helsinkiLine;
    final MutableClock clock;

    MoveWorld(PostgresPersistence db, TestSchema schema, MutableClock clock, Instant start) {
        this.clock = clock;
        rig = new MoneyPathRig(db, schema, clock, start, Profile.V2_8);
        helsinkiPanel = FakeThreeXuiPanel.builder().profile(Profile.V3_6).start();
        helsinkiLine = new TcpProxy("127.0.0.1", helsinkiPanel.port());
        db.servers().save(helsinki(100, true));
    }

    /** Helsinki as the operator registered it, with the given capacity and switch. */
    Server helsinki(int maxClients, boolean active) {
        PanelConnection direct = helsinkiPanel.connection();
        String viaLine = "http://127.0.0.1:" + helsinkiLine.port() + helsinkiPanel.basePath();
        return new Server(HELSINKI, "Helsinki", new PanelConnection(viaLine, direct.credentials(), null), MoneyPathRig.INBOUND, active,
                maxClients, 0);
    }

    /** A process: the bot plus its move job, the panel as the hook makes it (a crash, a fault) or the real adapter. */
    Process start(UnaryOperator<VpnPanel> hook, MoveSettings settings) {
        RunningBot bot = rig.startBot();
        VpnPanel panel = hook.apply(bot.panelAdapter);
        KeyPlacing placing = new KeyPlacing(bot.db.placements(), bot.db.serverGroups(), bot.db.servers(), panel, bot.notifier,
                PurchaseSettings.defaults());
        Moves moves = new Moves(new Moves.Ports(bot.db.keys(), bot.db.placements(), bot.db.servers(), bot.db.linkResets(),
                bot.db.keyMoves(), placing, panel, bot.db.transactions(), clock), settings,
                new EvacuationNotices(bot.db.keys(), bot.db.users(), bot.db.servers(), bot.db.sentNotifications(), news));
        ServerEvacuation evacuation = new ServerEvacuation(moves, new Admins(Set.of(ADMIN)), bot.db.servers(), bot.db.keys(),
                bot.db.keyMoves(), bot.db.evacuations(), bot.db.transactions(), bot.notifier, clock);
        return new Process(bot, moves, evacuation);
    }

    /** Admin of the evacuations. */
    static final UserId ADMIN = new UserId(900);
    /** Every evacuation notice any process sent: "user:key:from>to". */
    final List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final MoveNews news = (to, key, from, target) -> notices.add(to.user().telegramId() + ":" + key.id() + ":" + from + ">" + target);

    Process start() {
        return start(UnaryOperator.identity(), MoveSettings.defaults());
    }

    /** The process dies: its pool and panel clients go, what it committed stays. */
    void kill(Process p) {
        rig.stop(p.bot());
    }

    record Process(RunningBot bot, Moves moves, ServerEvacuation evacuation) {}

    /** A key bought the ordinary way by {@code buyer} on Frankfurt. */
    VpnKey buyKey(RunningBot bot, UserId buyer) {
        if (rig.records.users().find(buyer).isEmpty()) rig.records.users().save(UserMother.russian(buyer.telegramId()));
        Order order = bot.placement.placeNewKey(new PlaceNewKeyOrderCommand(buyer, MoneyPathRig.ONE_MONTH.id(), FRANKFURT));
        if (!rig.pay(order).acknowledged()) throw new IllegalStateException("webhook not taken");
        bot.worker.runDueJobs();
        return rig.key(rig.order(order.id()).keyId());
    }

    /** A third server, Warsaw, on a fake v2.8 panel of its own (started on first use). */
    private FakeThreeXuiPanel warsawPanel;

    Server addWarsaw(int maxClients) {
        if (warsawPanel == null) warsawPanel = FakeThreeXuiPanel.builder().profile(Profile.V2_8).start();
        Server warsaw = new Server(WARSAW, "Warsaw", warsawPanel.connection(), MoneyPathRig.INBOUND, true, maxClients, 0);
        rig.records.servers().save(warsaw);
        return warsaw;
    }

    FakeThreeXuiPanel panelOf(ServerId server) {
        if (server.equals(WARSAW)) return warsawPanel;
        return server.equals(FRANKFURT) ? rig.panelHost : helsinkiPanel;
    }

    /** The key's client on a server's panel, or null when the panel has none. */
    Map<String, Object> clientOn(ServerId server, VpnKey key) {
        return panelOf(server).storedClient(key.client().email()).orElse(null);
    }

    /** How many panels hold a switched-on client of this key (copies counted). */
    long enabledClients(VpnKey key) {
        List<FakeThreeXuiPanel> all = warsawPanel == null ? List.of(rig.panelHost, helsinkiPanel) : List.of(rig.panelHost, helsinkiPanel, warsawPanel);
        return all.stream()
                .flatMap(p -> p.storedClients(MoneyPathRig.INBOUND).stream())
                .filter(c -> key.client().email().equals(c.get("email")) && Boolean.TRUE.equals(c.get("enable")))
                .count();
    }

    @Override
    public void close() {
        rig.close();
        helsinkiLine.close();
        helsinkiPanel.close();
        if (warsawPanel != null) warsawPanel.close();
    }
}
