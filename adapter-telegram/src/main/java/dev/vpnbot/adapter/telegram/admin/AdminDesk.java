package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.admin.balance.LedgerScreen;
import dev.vpnbot.adapter.telegram.admin.codes.PromoCodesScreen;
import dev.vpnbot.application.port.in.subscription.ResetLinkUseCase;
import dev.vpnbot.adapter.telegram.admin.apps.AppsScreen;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The admin panel inside the bot: routes admin buttons, commands and typed answers to their
 * screens, and keeps everybody else out. Admins are the operator's admin ids; the dispatcher
 * asks {@link #isAdmin} before anything admin runs, and every use case checks its caller again,
 * whatever the button or command says.
 */
public final class AdminDesk {
    private static final Logger LOG = LoggerFactory.getLogger(AdminDesk.class);
    /** Admin commands; they are offered in the command menu of admins' chats only. */
    public static final List<String> COMMANDS = List.of("admin", "servers", "tariffs", "stats", "broadcast", "user");

    private final LongPredicate admins;
    private final AdminHome home;
    private final ServersScreen servers;
    private final ServerSettingsFlow serverSettings;
    private final AddServerFlow addServer;
    private final TariffsScreen tariffs;
    private final TariffChangeFlow tariffChanges;
    private final StatisticsScreen statistics;
    private final BroadcastFlow broadcast;
    private final AppsScreen apps;
    private final UsersScreen users;
    private final GrantFlow grants;
    private final PromoCodesScreen promoCodes;
    /** null when the bot was assembled without the balance */
    private final LedgerScreen ledgers;
    private final dev.vpnbot.adapter.telegram.admin.groups.ServerGroupsScreen groups;
    private final dev.vpnbot.adapter.telegram.admin.groups.GroupEditFlow groupEdits;
    /** null when the bot was assembled without evacuations */
    private final dev.vpnbot.adapter.telegram.admin.evacuate.EvacuationScreen evacuation;

    /**
     * @param admins whether a Telegram user id is an admin's (the same ids the use cases check)
     * @param sender the outbox; admin screens delete messages that carried a password
     * @param publicUrl the bot's PUBLIC_URL (the node installer's --bot-url), or null when not configured
     */
    public AdminDesk(LongPredicate admins, Outbox sender, AdminUseCases useCases, Conversations conversations, URI publicUrl) {
        this.admins = admins;
        this.home = new AdminHome(conversations);
        this.servers = new ServersScreen(useCases.servers(), conversations, useCases.growth());
        this.serverSettings = new ServerSettingsFlow(useCases.servers(), useCases.enrollmentTokens(), servers, conversations, sender,
                publicUrl);
        this.addServer = new AddServerFlow(useCases.servers(), servers, conversations, sender);
        this.tariffs = new TariffsScreen(useCases.tariffs(), conversations, useCases.tariffLimits(), useCases.growth());
        this.tariffChanges = new TariffChangeFlow(useCases.tariffs(), tariffs, conversations, useCases.tariffLimits());
        this.statistics = new StatisticsScreen(useCases.statistics(), conversations, useCases.growth());
        this.broadcast = new BroadcastFlow(useCases.broadcasts(), conversations);
        this.apps = new AppsScreen(java.util.Objects.requireNonNull(useCases.apps(), "the app list's use case (AdminUseCases.withApps)"), conversations);
        this.users = new UsersScreen(useCases.users(), useCases.servers(), useCases.bans(), conversations).withStars(useCases.stars());
        this.ledgers = useCases.balances() == null ? null : new LedgerScreen(useCases.balances(), conversations);
        this.grants = new GrantFlow(useCases.users(), useCases.tariffs(), useCases.servers(), users, conversations);
        this.promoCodes = new PromoCodesScreen(useCases.promoCodes(), conversations);
        this.groups = new dev.vpnbot.adapter.telegram.admin.groups.ServerGroupsScreen(useCases.serverGroups(), useCases.servers(),
                useCases.tariffs(), conversations);
        this.groupEdits = new dev.vpnbot.adapter.telegram.admin.groups.GroupEditFlow(useCases.serverGroups(), groups, conversations);
        this.evacuation = useCases.evacuations() == null ? null
                : new dev.vpnbot.adapter.telegram.admin.evacuate.EvacuationScreen(useCases.evacuations());
        servers.offeringEvacuation(evacuation != null);
        statistics.showingMoves(useCases.evacuations());
    }

    /** The user card's "Reset link" buttons; null (the default) leaves them out. */
    public AdminDesk linkReset(ResetLinkUseCase reset) {
        users.withLinkReset(reset);
        return this;
    }

    /** Evacuation buttons when evacuations are not wired are refused like unknown ones. */
    private void withEvacuation(Interaction ix, java.util.function.Consumer<dev.vpnbot.adapter.telegram.admin.evacuate.EvacuationScreen> a) {
        if (evacuation == null) ix.alert(ix.texts().label("button.unknown"));
        else a.accept(evacuation);
    }

    public boolean isAdmin(Interaction ix) {
        return admins.test(ix.userId().telegramId());
    }

    public static boolean isAdminCommand(String command) {
        return COMMANDS.contains(command);
    }

    /** Somebody who is not an admin at an admin door: a polite no, and nothing shown or changed. */
    public void refuse(Interaction ix, String what) {
        LOG.warn("user {} is not an admin and tried {}: refused", ix.userId(), what);
        Texts t = ix.texts();
        String text = t.label("refusal.NOT_ADMIN");
        if (ix.fromButton()) ix.alert(text);
        else ix.sendNew(View.of(Html.escape(text)).row(MainMenu.back(t)));
    }

    /** Adds the admin buttons to the dispatcher's table. */
    public void route(Map<Action, BiConsumer<Interaction, CallbackData>> buttons) {
        buttons.put(Action.ADMIN_HOME, (ix, d) -> home.show(ix));
        buttons.put(Action.SERVERS, (ix, d) -> servers.list(ix));
        buttons.put(Action.SERVER, (ix, d) -> servers.card(ix, new ServerId(d.id(0))));
        buttons.put(Action.SERVER_EVACUATE, (ix, d) -> withEvacuation(ix, e -> e.ask(ix, new ServerId(d.id(0)))));
        buttons.put(Action.SERVER_EVACUATE_CONFIRMED, (ix, d) -> withEvacuation(ix, e -> e.start(ix, new ServerId(d.id(0)))));
        buttons.put(Action.EVACUATION, (ix, d) -> withEvacuation(ix, e -> e.progress(ix, new ServerId(d.id(0)))));
        buttons.put(Action.SERVER_TEST, (ix, d) -> servers.test(ix, new ServerId(d.id(0))));
        buttons.put(Action.SERVER_ACTIVE, (ix, d) -> servers.setActive(ix, new ServerId(d.id(0)), d.flag(1)));
        buttons.put(Action.SERVER_RENAME, (ix, d) -> serverSettings.askName(ix, new ServerId(d.id(0))));
        buttons.put(Action.SERVER_MAX_CLIENTS, (ix, d) -> serverSettings.askMaxClients(ix, new ServerId(d.id(0))));
        buttons.put(Action.SERVER_CREDENTIALS, (ix, d) -> serverSettings.askCredentials(ix, new ServerId(d.id(0))));
        buttons.put(Action.SERVER_DELETE, (ix, d) -> servers.askDelete(ix, new ServerId(d.id(0))));
        buttons.put(Action.SERVER_DELETE_CONFIRMED, (ix, d) -> servers.delete(ix, new ServerId(d.id(0))));
        buttons.put(Action.SERVER_ADD, (ix, d) -> addServer.start(ix));
        buttons.put(Action.SERVER_ADD_PIN_CERTIFICATE, (ix, d) -> addServer.pin(ix, false));
        buttons.put(Action.SERVER_ADD_PIN_PUBLIC_KEY, (ix, d) -> addServer.pin(ix, true));
        buttons.put(Action.SERVER_ADD_RETRY, (ix, d) -> addServer.retry(ix));
        buttons.put(Action.SERVER_ADD_INBOUND, (ix, d) -> addServer.inbound(ix, Math.toIntExact(d.id(0))));
        buttons.put(Action.SERVER_ADD_NEW_INBOUND, (ix, d) -> addServer.newInbound(ix));
        buttons.put(Action.SERVER_ENROLL_TOKEN, (ix, d) -> serverSettings.askEnrollment(ix));
        buttons.put(Action.TARIFFS, (ix, d) -> tariffs.list(ix));
        buttons.put(Action.TARIFF, (ix, d) -> tariffs.card(ix, new TariffId(d.id(0))));
        buttons.put(Action.TARIFF_PRICE, (ix, d) -> tariffChanges.askPrice(ix, new TariffId(d.id(0))));
        buttons.put(Action.TARIFF_ACTIVE, (ix, d) -> tariffs.setActive(ix, new TariffId(d.id(0)), d.flag(1)));
        buttons.put(Action.TARIFF_REMOVE, (ix, d) -> tariffs.askRemove(ix, new TariffId(d.id(0))));
        buttons.put(Action.TARIFF_REMOVE_CONFIRMED, (ix, d) -> tariffs.remove(ix, new TariffId(d.id(0))));
        buttons.put(Action.TARIFF_ADD, (ix, d) -> tariffChanges.askNew(ix));
        buttons.put(Action.STATISTICS, (ix, d) -> statistics.show(ix));
        buttons.put(Action.SERVER_FOR_TRIALS, (ix, d) -> servers.setForTrials(ix, new ServerId(d.id(0)), d.flag(1)));
        buttons.put(Action.TARIFF_ONCE_PER_USER, (ix, d) -> tariffs.setOncePerUser(ix, new TariffId(d.id(0)), d.flag(1)));
        buttons.put(Action.BROADCAST, (ix, d) -> broadcast.audiences(ix));
        buttons.put(Action.BROADCAST_AUDIENCE, (ix, d) -> broadcast.audience(ix, d.audience(0)));
        buttons.put(Action.BROADCAST_CONFIRM, (ix, d) -> broadcast.confirm(ix, d.id(0)));
        buttons.put(Action.BROADCAST_CANCEL, (ix, d) -> broadcast.cancel(ix, d.id(0)));
        buttons.put(Action.BROADCAST_PROGRESS, (ix, d) -> broadcast.progress(ix, d.id(0)));
        buttons.put(Action.BROADCAST_BUTTON, (ix, d) -> broadcast.askButton(ix, d.id(0)));
        buttons.put(Action.APPS, (ix, d) -> apps.platforms(ix));
        buttons.put(Action.APPS_PLATFORM, (ix, d) -> apps.platform(ix, d.platform(0)));
        buttons.put(Action.APP, (ix, d) -> apps.app(ix, d.platform(0), d.appCode(1)));
        buttons.put(Action.APP_ENABLED, (ix, d) -> apps.setEnabled(ix, d.platform(0), d.appCode(1), d.flag(2)));
        buttons.put(Action.APP_DEFAULT, (ix, d) -> apps.makeDefault(ix, d.platform(0), d.appCode(1)));
        buttons.put(Action.APP_EDIT, (ix, d) -> apps.askEdit(ix, d.platform(0), d.appCode(1)));
        buttons.put(Action.APP_ADD, (ix, d) -> apps.askNew(ix, d.platform(0)));
        routeUsers(buttons);
    }

    /** The user card's buttons, sales pauses and promo codes. */
    private void routeUsers(Map<Action, BiConsumer<Interaction, CallbackData>> buttons) {
        buttons.put(Action.USERS, (ix, d) -> users.ask(ix));
        buttons.put(Action.USER, (ix, d) -> users.dossier(ix, new UserId(d.id(0))));
        buttons.put(Action.GRANT_KEY, (ix, d) -> grants.keyTariffs(ix, new UserId(d.id(0))));
        buttons.put(Action.GRANT_KEY_TARIFF, (ix, d) -> grants.keyServers(ix, new UserId(d.id(0)), new TariffId(d.id(1))));
        buttons.put(Action.GRANT_KEY_SERVER, (ix, d) ->
                grants.grantKey(ix, new UserId(d.id(0)), new TariffId(d.id(1)), new ServerId(d.id(2))));
        buttons.put(Action.GRANT_EXTENSION, (ix, d) -> grants.extensionTariffs(ix, new UserId(d.id(0)), new KeyId(d.id(1))));
        buttons.put(Action.GRANT_EXTENSION_TARIFF, (ix, d) ->
                grants.grantExtension(ix, new UserId(d.id(0)), new KeyId(d.id(1)), new TariffId(d.id(2))));
        buttons.put(Action.STARS_REFUND, (ix, d) -> users.askRefund(ix, new UserId(d.id(0)), d.id(1)));
        buttons.put(Action.STARS_REFUND_CONFIRMED, (ix, d) -> users.refund(ix, new UserId(d.id(0)), d.id(1)));
        buttons.put(Action.TARIFF_STARS, (ix, d) -> tariffChanges.askStars(ix, new TariffId(d.id(0))));
        buttons.put(Action.TARIFF_LIMITS, (ix, d) -> tariffChanges.askLimits(ix, new TariffId(d.id(0))));
        buttons.put(Action.TARIFF_PACK, (ix, d) -> tariffChanges.askPack(ix, new TariffId(d.id(0))));
        buttons.put(Action.USER_BAN, (ix, d) -> users.askBan(ix, new UserId(d.id(0))));
        buttons.put(Action.USER_BAN_CONFIRMED, (ix, d) -> users.ban(ix, new UserId(d.id(0))));
        buttons.put(Action.USER_UNBAN, (ix, d) -> users.unban(ix, new UserId(d.id(0))));
        buttons.put(Action.USER_KEY_RESET_LINK, (ix, d) -> users.askResetLink(ix, new UserId(d.id(0)), new KeyId(d.id(1))));
        buttons.put(Action.USER_KEY_RESET_LINK_CONFIRMED, (ix, d) -> users.resetLink(ix, new UserId(d.id(0)), new KeyId(d.id(1))));
        buttons.put(Action.USER_LEDGER, (ix, d) -> ledgers().show(ix, new UserId(d.id(0))));
        buttons.put(Action.USER_LEDGER_ENTRY, (ix, d) -> ledgers().askEntry(ix, new UserId(d.id(0)), d.flag(1)));
        buttons.put(Action.AUTO_RENEWERS, (ix, d) -> ledgers().autoRenewers(ix));
        buttons.put(Action.SALES_PAUSE, (ix, d) -> tariffChanges.askPauseMessage(ix));
        buttons.put(Action.SALES_PAUSE_SILENT, (ix, d) -> tariffChanges.pause(ix, ""));
        buttons.put(Action.SALES_RESUME, (ix, d) -> tariffChanges.resume(ix));
        buttons.put(Action.PROMO_CODES, (ix, d) -> promoCodes.list(ix));
        buttons.put(Action.PROMO_CODE, (ix, d) -> promoCodes.card(ix, d.id(0)));
        buttons.put(Action.PROMO_CODE_DISABLE, (ix, d) -> promoCodes.disable(ix, d.id(0)));
        buttons.put(Action.PROMO_CODE_NEW, (ix, d) -> promoCodes.askNew(ix));
        buttons.put(Action.SERVER_GROUPS, (ix, d) -> groups.list(ix));
        buttons.put(Action.SERVER_GROUP, (ix, d) -> groups.card(ix, d.id(0)));
        buttons.put(Action.SERVER_GROUP_NEW, (ix, d) -> groupEdits.askNew(ix));
        buttons.put(Action.SERVER_GROUP_SERVERS, (ix, d) -> groups.serverChoice(ix, d.id(0)));
        buttons.put(Action.SERVER_GROUP_ADD, (ix, d) -> groups.addServer(ix, d.id(0), d.id(1)));
        buttons.put(Action.SERVER_GROUP_REMOVE, (ix, d) -> groups.removeServer(ix, d.id(0), d.id(1)));
        buttons.put(Action.SERVER_GROUP_RENAME, (ix, d) -> groupEdits.askRename(ix, d.id(0)));
        buttons.put(Action.SERVER_GROUP_DELETE, (ix, d) -> groupEdits.askDelete(ix, d.id(0)));
        buttons.put(Action.SERVER_GROUP_DELETE_CONFIRMED, (ix, d) -> groupEdits.delete(ix, d.id(0)));
        buttons.put(Action.SERVER_GROUP_TARIFFS, (ix, d) -> groups.tariffChoice(ix, d.id(0)));
        buttons.put(Action.SERVER_GROUP_TARIFF, (ix, d) -> groups.toggleTariff(ix, d.id(0), d.id(1)));
    }

    /** One of {@link #COMMANDS}, from an admin. */
    public void command(Interaction ix, String command, String argument) {
        switch (command) {
            case "servers" -> servers.list(ix);
            case "tariffs" -> tariffs.list(ix);
            case "stats" -> statistics.show(ix);
            case "broadcast" -> broadcast.audiences(ix);
            case "user" -> {
                if (argument.isBlank()) users.ask(ix);
                else users.lookup(ix, argument);
            }
            default -> home.sendNew(ix);
        }
    }

    /**
     * What an admin reads when a use case refuses: the reason with its detail (which price, which
     * panel problem), and the way back to the admin panel and the menu.
     */
    private LedgerScreen ledgers() {
        if (ledgers == null) throw new Refusal(Refusal.Reason.INVALID_INPUT, "the balance is not part of this bot");
        return ledgers;
    }

    public static View refusal(Texts t, Refusal refusal) {
        return View.of(AdminHome.refusal(t, refusal)).row(AdminHome.back(t)).row(MainMenu.back(t));
    }

    /** A message typed by an admin in one of the admin steps. */
    public void received(Interaction ix, Message message, Conversation c) {
        switch (c.step()) {
            case ADMIN_ADD_SERVER -> addServer.received(ix, message, c);
            case ADMIN_SERVER_RENAME, ADMIN_SERVER_MAX_CLIENTS, ADMIN_SERVER_CREDENTIALS, ADMIN_ENROLL_TOKEN ->
                    serverSettings.received(ix, message, c);
            case ADMIN_TARIFF_PRICE, ADMIN_TARIFF_ADD, ADMIN_TARIFF_STARS, ADMIN_SALES_PAUSE_MESSAGE, ADMIN_TARIFF_LIMITS, ADMIN_TARIFF_PACK ->
                    tariffChanges.received(ix, message, c);
            case ADMIN_BROADCAST_TEXT -> broadcast.received(ix, message, c);
            case ADMIN_USER_LOOKUP -> users.received(ix, message);
            case ADMIN_PROMO_NEW -> promoCodes.received(ix, message.hasText() ? message.getText() : "");
            case ADMIN_LEDGER_ENTRY -> ledgers().received(ix, message, c);
            case ADMIN_APP -> apps.received(ix, message, c);
            case ADMIN_GROUP_NAME -> groupEdits.received(ix, message.hasText() ? message.getText() : "", c);
            default -> home.sendNew(ix); // nothing typed is expected after a grant
        }
    }
}
