package dev.vpnbot.adapter.telegram;

import dev.vpnbot.adapter.telegram.admin.AdminDesk;
import dev.vpnbot.adapter.telegram.admin.AdminUseCases;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.UserThrottle;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.intake.UpdateQueue;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.adapter.telegram.shop.ShopDesk;
import dev.vpnbot.adapter.telegram.stars.StarsCounter;
import dev.vpnbot.adapter.telegram.stars.StarsDirectLine;
import dev.vpnbot.adapter.telegram.shop.TelegramUseCases;
import dev.vpnbot.adapter.telegram.web.ConnectLinks;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Takes every update (from long polling or the webhook), works out who it is from and what
 * they want, and hands it to the desk whose screen handles it: the {@link ShopDesk} for buyers,
 * the {@link AdminDesk} for the admin panel. Updates of one user are handled one
 * after another, in order; different users in parallel. Never throws: a refusal becomes a
 * polite message, anything unexpected is logged and the user is told to try again.
 *
 * <p>Admin buttons, commands and steps reach the {@link AdminDesk} only from admins; anybody
 * else gets the polite refusal before any admin screen runs.
 *
 * <p>Every user but an admin is throttled ({@link UserThrottle}): what comes faster than the
 * limit is dropped before it queues behind anything, with one short "slow down" per burst.
 *
 * <p>The queue to the handlers is bounded ({@link UpdateQueue}, {@link TelegramSettings#updateQueue()}):
 * when it is full, an update is answered "busy, try again" ({@link BusyAnswers}) and dropped, so
 * neither the long poll nor the webhook ever waits and nothing piles up. Stars payments never
 * queue (they are handled at once), and admins' updates always do.
 */
final class UpdateDispatcher implements Consumer<Update>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final TelegramSettings settings;
    private final Outbox sender;
    private final TelegramUseCases useCases;
    private final Conversations conversations;
    private final ShopDesk shop;
    private final AdminDesk admin;
    private final StarsUpdates stars;
    private final Map<Action, BiConsumer<Interaction, CallbackData>> buttons = new EnumMap<>(Action.class);

    private static final java.time.Duration BAN_NOTICE_EVERY = java.time.Duration.ofHours(1);
    /** When each banned chat last got the notice (monotonic nanos); lost on restart, which only repeats one notice. */
    private final Map<Long, Long> banNotices = new ConcurrentHashMap<>();

    private final UpdateQueue<Update> queue;
    private final UpdateThrottle throttle;
    private final BusyAnswers busy;

    /** @param starsLine the direct line for pre-checkout answers; used only when the use cases include Stars */
    UpdateDispatcher(TelegramSettings settings, Outbox sender, TelegramUseCases useCases, AdminUseCases adminUseCases,
                     Conversations conversations, ConnectLinks links, StarsDirectLine starsLine, LongSupplier throttleClock) {
        this.settings = settings;
        this.stars = new StarsUpdates(useCases.payWithStars() == null ? null : new StarsCounter(useCases.payWithStars(), starsLine), this::paidInStars);
        this.sender = sender;
        this.useCases = useCases;
        this.conversations = conversations;
        this.shop = new ShopDesk(settings, useCases, links, sender, conversations);
        this.admin = new AdminDesk(settings::isAdmin, sender, adminUseCases, conversations, settings.publicUrl())
                .linkReset(useCases.resetLink());
        this.throttle = new UpdateThrottle(settings, sender, new UserThrottle(settings.userActionsPerMinute(), throttleClock));
        this.busy = new BusyAnswers(settings, sender, throttleClock);
        this.queue = new UpdateQueue<>(settings.updateQueue(), settings.updateWorkers(), "telegram-update", this::handle);
        route();
    }

    private void route() {
        shop.route(buttons);
        admin.route(buttons);
        for (Action action : Action.values()) {
            if (!buttons.containsKey(action)) throw new IllegalStateException("no screen for button " + action);
        }
    }

    /**
     * Queues the update behind earlier ones of the same user; returns at once. Stars updates are
     * handled right here instead: a pre-checkout query because Telegram waits at most 10 seconds
     * for its answer (and it changes nothing, so it need not wait for the user's earlier updates);
     * a successful or refunded payment so that the update is confirmed to Telegram (webhook 200,
     * the next poll's offset) only after its transaction committed: Telegram never sends a
     * payment again once it was confirmed, and the ledger makes a repeat harmless. A failure
     * there throws, so the webhook answers an error and Telegram delivers the payment again.
     */
    @Override
    public void accept(Update update) {
        if (stars.handled(update, outcomes)) return;
        long key = senderOf(update);
        if (throttle.drops(update, key)) return;
        // the bound: when the queue is full the update is answered "busy" and dropped (admins' always queue)
        switch (queue.offer(key, update, settings.isAdmin(key))) {
            case QUEUED -> { }
            case FULL -> busy.answer(update, key, queue.capacity());
            // shutting down: the update was never confirmed, so Telegram hands it out again next time
            case STOPPING -> LOG.info("update {} not taken: the bot is stopping", update.getUpdateId());
        }
    }

    @Override
    public void close() {
        queue.close();
    }

    int queuedUpdates() {
        return queue.pending();
    }

    int updateThreads() {
        return queue.threads();
    }

    /** Told once for every update dropped because the queue was full. */
    void observeOverload(Runnable observer) {
        busy.observe(observer);
    }

    /** Told after every update: true when it was handled, false when it failed. */
    private volatile java.util.function.Consumer<Boolean> outcomes = handled -> { };

    void observeOutcomes(java.util.function.Consumer<Boolean> observer) {
        this.outcomes = java.util.Objects.requireNonNull(observer, "observer");
    }

    /** Handles one update now. */
    void handle(Update update) {
        try {
            if (update.hasCallbackQuery()) onButton(update.getCallbackQuery());
            else if (update.hasMessage()) onMessage(update.getMessage());
            outcomes.accept(true);
        } catch (RuntimeException e) {
            LOG.error("update {} could not be handled", update.getUpdateId(), e);
            outcomes.accept(false);
        }
    }

    private void onMessage(Message message) {
        if (message.getFrom() == null || Boolean.TRUE.equals(message.getFrom().getIsBot())) return;
        if (shop.isFromSupportSide(message)) {
            shop.relayReply(message);
            return;
        }
        if (!message.isUserMessage()) return; // groups and channels other than the support chat
        // by the text: the library's isCommand() needs entity texts that are not always filled in
        String command = message.hasText() && message.getText().startsWith("/") ? command(message.getText()) : null;
        // one read of the user serves both: a start link counts only for somebody the bot had never seen before it
        Optional<User> known = useCases.findUser().find(new UserId(message.getFrom().getId()));
        boolean newcomer = "start".equals(command) && known.isEmpty();
        User user = knownUser(message.getFrom(), "start".equals(command), known);
        Interaction ix = new Interaction(sender, message.getChatId(), user, settings.defaultZone(), null, null, null);
        if (banned(ix)) return;
        boolean adminScreen = admin.isAdmin(ix) && (command != null ? AdminDesk.isAdminCommand(command)
                : conversations.of(ix.chatId()).filter(c -> c.step().adminOnly()).isPresent());
        safely(ix, adminScreen, () -> {
            if ("start".equals(command)) shop.start(ix, argument(message.getText()), newcomer);
            else if (command != null) onCommand(ix, command, argument(message.getText()));
            else onText(ix, message);
        });
    }

    /** A Stars payment went through for a user we may know: the shop tells them what they got. */
    private void paidInStars(Message message, String invoicePayload) {
        User user = knownUser(message.getFrom(), false);
        Interaction ix = new Interaction(sender, message.getChatId(), user, settings.defaultZone(), null, null, null);
        safely(ix, false, () -> shop.paidInStars(ix, invoicePayload));
    }

    /** Text outside a command: the step in progress gets it (admin steps from admins only), else the menu. */
    private void onText(Interaction ix, Message message) {
        Optional<Conversation> conversation = conversations.of(ix.chatId());
        if (conversation.isEmpty()) {
            shop.pleaseUseButtons(ix);
            return;
        }
        Conversation c = conversation.get();
        if (c.step() == Conversation.Step.SUPPORT && !admin.isAdmin(ix)) {
            if (throttle.dropsSupportMessage(ix)) return;
        }
        if (c.step().adminOnly()) {
            if (admin.isAdmin(ix)) {
                admin.received(ix, message, c);
            } else {
                // a state only admin screens write, for somebody who is no admin (any more): drop it
                LOG.warn("user {} is not an admin but had admin step {}: dropped", ix.userId(), c.step());
                shop.pleaseUseButtons(ix);
            }
            return;
        }
        shop.received(ix, message, c);
    }

    private void onCommand(Interaction ix, String command, String argument) {
        if (AdminDesk.isAdminCommand(command)) {
            if (admin.isAdmin(ix)) admin.command(ix, command, argument);
            else admin.refuse(ix, "/" + command);
            return;
        }
        shop.command(ix, command, argument);
    }

    private void onButton(CallbackQuery query) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (message == null || query.getFrom() == null || !message.getChatId().equals(query.getFrom().getId())) {
            // an inline message or a group: our buttons live in private chats only
            sender.answer(query.getFrom() == null ? 0 : query.getFrom().getId(),
                    org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
            return;
        }
        User user = knownUser(query.getFrom(), false);
        Interaction ix = new Interaction(sender, message.getChatId(), user, settings.defaultZone(), message.getMessageId(),
                query.getId(), query.getData());
        if (banned(ix)) return;
        Optional<CallbackData> data = CallbackData.parse(query.getData());
        if (data.isEmpty()) {
            LOG.warn("user {} pressed a button with unknown data '{}': refused", user.id(), printable(query.getData()));
            ix.alert(ix.texts().label("button.unknown"));
            return;
        }
        if (data.get().action().adminOnly() && !admin.isAdmin(ix)) {
            admin.refuse(ix, "button '" + printable(query.getData()) + "'");
            return;
        }
        safely(ix, data.get().action().adminOnly(), () -> buttons.get(data.get().action()).accept(ix, data.get()));
    }

    /**
     * A banned user (never an admin) gets a short notice instead of any screen: on a button as its
     * pop-up, on a message at most once per {@link #BAN_NOTICE_EVERY}, so flooding the bot gets nothing back.
     */
    private boolean banned(Interaction ix) {
        if (!ix.user().banned() || admin.isAdmin(ix)) return false;
        String notice = ix.texts().label("banned.notice");
        if (ix.fromButton()) {
            ix.alert(notice);
            return true;
        }
        long now = System.nanoTime();
        Long last = banNotices.get(ix.chatId());
        if (last == null || now - last >= BAN_NOTICE_EVERY.toNanos()) {
            banNotices.put(ix.chatId(), now);
            ix.sendNew(View.of(Html.escape(notice)));
        }
        LOG.info("update from banned user {} ignored", ix.userId());
        return true;
    }

    /** @param adminScreen the screen is an admin one: a refusal then shows its detail and the way back to the admin panel */
    private void safely(Interaction ix, boolean adminScreen, Runnable screen) {
        try {
            screen.run();
        } catch (Refusal refusal) {
            if (refusal.reason() == Refusal.Reason.KEY_NOT_FOUND || refusal.reason() == Refusal.Reason.ORDER_NOT_FOUND) {
                LOG.warn("user {} asked for something not theirs or gone ({}), button '{}': refused",
                        ix.userId(), refusal.getMessage(), printable(ix.callbackData()));
            } else {
                LOG.info("user {}: refused: {}", ix.userId(), refusal.getMessage());
            }
            Texts t = ix.texts();
            String text = t.label("refusal." + refusal.reason().name());
            ix.toast(text);
            if (adminScreen) {
                // admins read the detail (which price, which panel problem) and find their way back
                ix.show(AdminDesk.refusal(t, refusal));
            } else {
                ix.show(View.of(Html.escape(text)).row(MainMenu.back(t)));
            }
        } catch (RuntimeException e) {
            LOG.error("user {}: screen failed (button '{}')", ix.userId(), printable(ix.callbackData()), e);
            Texts t = ix.texts();
            ix.toast(t.label("error.generic"));
            ix.sendNew(View.of(t.html("error.generic")).row(MainMenu.back(t)));
        } finally {
            ix.finish();
        }
    }

    /** The stored user; newcomers (and users we marked blocked) are registered, /start refreshes names. */
    private User knownUser(org.telegram.telegrambots.meta.api.objects.User from, boolean refresh) {
        return knownUser(from, refresh, useCases.findUser().find(new UserId(from.getId())));
    }

    /** @param known the user as just read (one read per update: registration does not read again) */
    private User knownUser(org.telegram.telegrambots.meta.api.objects.User from, boolean refresh, Optional<User> known) {
        if (known.isPresent() && !known.get().blocked() && !refresh) return known.get();
        return useCases.registerUser().register(new RegisterUserCommand(new UserId(from.getId()), from.getFirstName(), from.getUserName(),
                from.getLanguageCode()), known);
    }

    /** "/user @ivan" → "@ivan"; "" when there is nothing after the command. */
    private static String argument(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }

    /** "/start@MyBot payload" → "start". */
    private static String command(String text) {
        String first = text.strip().split("\\s+", 2)[0].substring(1);
        int at = first.indexOf('@');
        return (at >= 0 ? first.substring(0, at) : first).toLowerCase(Locale.ROOT);
    }

    static long senderOf(Update update) {
        if (update.hasCallbackQuery() && update.getCallbackQuery().getFrom() != null) return update.getCallbackQuery().getFrom().getId();
        if (update.hasMessage()) {
            Message m = update.getMessage();
            return m.getFrom() != null ? m.getFrom().getId() : m.getChatId();
        }
        return 0;
    }

    private static String printable(String data) {
        if (data == null) return "";
        String clipped = data.length() > 64 ? data.substring(0, 64) + "…" : data;
        return clipped.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
