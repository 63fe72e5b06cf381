package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.application.port.out.TrafficPacks;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase.AddTariffCommand;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Typing a tariff's new price, or a new tariff, in one message (admins). Input that does not make
 * sense ("abc", 0 days, an unknown currency) is explained and the question asked again; nothing
 * changes until the input is good.
 */
final class TariffChangeFlow {
    private static final Logger LOG = LoggerFactory.getLogger(TariffChangeFlow.class);

    private final ManageTariffsUseCase tariffs;
    private final TariffsScreen screen;
    private final Conversations conversations;
    private final SetTariffLimitsUseCase limits;

    TariffChangeFlow(ManageTariffsUseCase tariffs, TariffsScreen screen, Conversations conversations, SetTariffLimitsUseCase limits) {
        this.tariffs = tariffs;
        this.screen = screen;
        this.conversations = conversations;
        this.limits = limits;
    }

    void askLimits(Interaction ix, TariffId id) {
        if (limits == null) return;
        Tariff tariff = screen.find(ix, id);
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_TARIFF_LIMITS, id.value(), ""));
        ix.show(View.of(limitsPrompt(ix, tariff)).row(AdminHome.cancel(ix.texts(), CallbackData.of(Action.TARIFF, id.value()))));
    }

    void askPack(Interaction ix, TariffId id) {
        if (limits == null) return;
        Tariff tariff = screen.find(ix, id);
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_TARIFF_PACK, id.value(), ""));
        ix.show(View.of(packPrompt(ix, tariff)).row(AdminHome.cancel(ix.texts(), CallbackData.of(Action.TARIFF, id.value()))));
    }

    /** "N" GB: the tariff becomes a traffic pack of N GB; 0 makes it an ordinary tariff again. */
    private void receivedPack(Interaction ix, String text, TariffId id) {
        Texts t = ix.texts();
        Tariff tariff = screen.find(ix, id);
        try {
            int gb = AdminInput.wholeNumber(text == null ? "" : text.strip(), 0, TrafficPacks.MAX_GB, "admin.error.pack");
            int set = limits.setTrafficPack(ix.userId(), id, gb);
            LOG.info("admin {} set the traffic pack of tariff {} to {} GB", ix.userId(), id, set);
            screen.card(ix, id, "✅ " + t.html("admin.tariff.pack_changed"));
        } catch (AdminInput.Invalid invalid) {
            ix.sendNew(View.of(AdminHome.invalid(t, invalid) + "\n\n" + packPrompt(ix, tariff))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFF, id.value()))));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.INVALID_INPUT) throw refusal;
            ix.sendNew(View.of(AdminHome.refusal(t, refusal) + "\n\n" + packPrompt(ix, tariff))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFF, id.value()))));
        }
    }

    private String packPrompt(Interaction ix, Tariff tariff) {
        Texts t = ix.texts();
        return t.html("admin.tariff.ask_pack", t.money(tariff.price())) + "\n"
                + TariffsScreen.packLine(t, limits.trafficPackOf(ix.userId(), tariff.id()));
    }

    /** "DEVICES GB [monthly]", e.g. "3 50 monthly"; "0 0" clears them (the shop's defaults apply). */
    private void receivedLimits(Interaction ix, String text, TariffId id) {
        Texts t = ix.texts();
        Tariff tariff = screen.find(ix, id);
        String[] words = text == null ? new String[0] : text.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
        try {
            if (words.length < 2 || words.length > 3 || (words.length == 3 && !MONTHLY.contains(words[2]))) {
                throw new AdminInput.Invalid("admin.error.limits");
            }
            int devices = AdminInput.wholeNumber(words[0], 0, TariffLimits.MAX_DEVICES, "admin.error.limits");
            int gb = AdminInput.wholeNumber(words[1], 0, TariffLimits.MAX_TRAFFIC_GB, "admin.error.limits");
            TariffLimits set = limits.setLimits(ix.userId(), id, devices, gb, words.length == 3);
            LOG.info("admin {} set the limits of tariff {} to {}", ix.userId(), id, set);
            screen.card(ix, id, "✅ " + t.html("admin.tariff.limits_changed"));
        } catch (AdminInput.Invalid invalid) {
            ix.sendNew(View.of(AdminHome.invalid(t, invalid) + "\n\n" + limitsPrompt(ix, tariff))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFF, id.value()))));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.INVALID_INPUT) throw refusal;
            ix.sendNew(View.of(AdminHome.refusal(t, refusal) + "\n\n" + limitsPrompt(ix, tariff))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFF, id.value()))));
        }
    }

    private static final java.util.Set<String> MONTHLY = java.util.Set.of("monthly", "m", "ежемесячно", "м");

    private String limitsPrompt(Interaction ix, Tariff tariff) {
        Texts t = ix.texts();
        return t.html("admin.tariff.ask_limits", t.period(tariff.days())) + "\n"
                + TariffsScreen.limitsLine(t, limits.limitsOf(ix.userId(), tariff.id()));
    }

    void askPrice(Interaction ix, TariffId id) {
        Tariff tariff = screen.find(ix, id);
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_TARIFF_PRICE, id.value(), ""));
        ix.show(View.of(pricePrompt(ix.texts(), tariff)).row(AdminHome.cancel(ix.texts(), CallbackData.of(Action.TARIFF, id.value()))));
    }

    void askStars(Interaction ix, TariffId id) {
        Tariff tariff = screen.find(ix, id);
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_TARIFF_STARS, id.value(), ""));
        ix.show(View.of(starsPrompt(ix.texts(), tariff)).row(AdminHome.cancel(ix.texts(), CallbackData.of(Action.TARIFF, id.value()))));
    }

    /** A whole number of stars; 0 goes back to the price at the configured rate. */
    private void receivedStars(Interaction ix, Message message, TariffId id) {
        Texts t = ix.texts();
        Tariff tariff = screen.find(ix, id);
        try {
            int stars = AdminInput.wholeNumber(message.hasText() ? message.getText() : null, 0, (int) Stars.MAX, "admin.error.stars");
            Tariff changed = tariffs.setStarsPrice(ix.userId(), id, stars == 0 ? null : Stars.price(stars));
            LOG.info("admin {} set the Stars price of tariff {} to {}", ix.userId(), id, changed.starsPrice());
            screen.card(ix, id, "✅ " + t.html("admin.tariff.stars_changed"));
        } catch (AdminInput.Invalid invalid) {
            ix.sendNew(View.of(AdminHome.invalid(t, invalid) + "\n\n" + starsPrompt(t, tariff))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFF, id.value()))));
        }
    }

    private static String starsPrompt(Texts t, Tariff tariff) {
        return t.html("admin.tariff.ask_stars", t.period(tariff.days()), t.money(tariff.price()));
    }

    void askNew(Interaction ix) {
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_TARIFF_ADD, 0, ""));
        ix.show(View.of(ix.texts().html("admin.tariff.ask_new")).row(AdminHome.cancel(ix.texts(), CallbackData.of(Action.TARIFFS))));
    }

    /** Maintenance: what buyers will read while sales are paused. */
    void askPauseMessage(Interaction ix) {
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_SALES_PAUSE_MESSAGE, 0, ""));
        Texts t = ix.texts();
        ix.show(View.of(t.html("admin.sales.ask_message"))
                .row(Button.callback(t.label("admin.sales.pause_silent"), CallbackData.of(Action.SALES_PAUSE_SILENT)))
                .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFFS))));
    }

    void pause(Interaction ix, String message) {
        Texts t = ix.texts();
        try {
            tariffs.pauseSales(ix.userId(), message);
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.INVALID_INPUT) throw refusal;
            ix.sendNew(View.of(AdminHome.refusal(t, refusal) + "\n\n" + t.html("admin.sales.ask_message"))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFFS))));
            return;
        }
        LOG.info("admin {} paused sales (maintenance)", ix.userId());
        screen.list(ix, "🛠 " + t.html("admin.sales.paused_now"));
    }

    void resume(Interaction ix) {
        tariffs.resumeSales(ix.userId());
        LOG.info("admin {} resumed sales", ix.userId());
        screen.list(ix, "▶️ " + ix.texts().html("admin.sales.resumed"));
    }

    void received(Interaction ix, Message message, Conversation c) {
        Texts t = ix.texts();
        String text = message.hasText() ? message.getText() : null;
        if (c.step() == Conversation.Step.ADMIN_TARIFF_PACK) {
            receivedPack(ix, text, new TariffId(c.id()));
            return;
        }
        if (c.step() == Conversation.Step.ADMIN_TARIFF_LIMITS) {
            receivedLimits(ix, text, new TariffId(c.id()));
            return;
        }
        if (c.step() == Conversation.Step.ADMIN_TARIFF_STARS) {
            receivedStars(ix, message, new TariffId(c.id()));
            return;
        }
        if (c.step() == Conversation.Step.ADMIN_SALES_PAUSE_MESSAGE) {
            pause(ix, text == null ? "" : text);
            return;
        }
        if (c.step() == Conversation.Step.ADMIN_TARIFF_PRICE) {
            TariffId id = new TariffId(c.id());
            Tariff tariff = screen.find(ix, id);
            try {
                Money price = AdminInput.price(text, tariff.price().currency());
                Tariff changed = tariffs.changePrice(ix.userId(), id, price);
                LOG.info("admin {} changed the price of tariff {} from {} to {}", ix.userId(), id, tariff.price(), changed.price());
                screen.card(ix, id, "✅ " + t.html("admin.tariff.price_changed", t.money(tariff.price()), t.money(changed.price())));
            } catch (AdminInput.Invalid invalid) {
                ix.sendNew(View.of(AdminHome.invalid(t, invalid) + "\n\n" + pricePrompt(t, tariff))
                        .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFF, id.value()))));
            } catch (Refusal refusal) {
                if (refusal.reason() != Refusal.Reason.INVALID_INPUT) throw refusal;
                ix.sendNew(View.of(AdminHome.refusal(t, refusal) + "\n\n" + pricePrompt(t, tariff))
                        .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFF, id.value()))));
            }
            return;
        }
        try {
            AdminInput.NewTariff input = AdminInput.newTariff(text);
            int order = input.displayOrder() != null ? input.displayOrder()
                    : tariffs.allTariffs(ix.userId()).stream().mapToInt(Tariff::displayOrder).max().orElse(0) + 1;
            Tariff added = tariffs.addTariff(new AddTariffCommand(ix.userId(), input.days(), input.price(), order));
            LOG.info("admin {} added tariff {}: {} days for {}", ix.userId(), added.id(), added.days(), added.price());
            screen.card(ix, added.id(), "✅ " + t.html("admin.tariff.added", t.period(added.days()), t.money(added.price())));
        } catch (AdminInput.Invalid invalid) {
            ix.sendNew(View.of(AdminHome.invalid(t, invalid) + "\n\n" + t.html("admin.tariff.ask_new"))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFFS))));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.INVALID_INPUT) throw refusal;
            ix.sendNew(View.of(AdminHome.refusal(t, refusal) + "\n\n" + t.html("admin.tariff.ask_new"))
                    .row(AdminHome.cancel(t, CallbackData.of(Action.TARIFFS))));
        }
    }

    private static String pricePrompt(Texts t, Tariff tariff) {
        return t.html("admin.tariff.ask_price", t.period(tariff.days()), t.money(tariff.price()), tariff.price().currencyCode());
    }
}
