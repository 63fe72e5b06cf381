package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.application.port.in.growth.ManageGrowthUseCase;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tariffs (admins): the whole price list, on sale or not, in display order; one tariff's card;
 * putting it on or off sale; removing it. Changes reach new orders only: placed orders keep the
 * price they were placed at.
 */
final class TariffsScreen {
    private final ManageTariffsUseCase tariffs;
    private final Conversations conversations;
    private final SetTariffLimitsUseCase limits;

    /** Once-per-user tariffs; null without the growth use cases. */
    private final ManageGrowthUseCase growth;

    /** @param limits the card's device and traffic limits; null: not shown */
    TariffsScreen(ManageTariffsUseCase tariffs, Conversations conversations, SetTariffLimitsUseCase limits) {
        this(tariffs, conversations, limits, null);
    }

    /** @param growth once-per-user tariffs (paid micro-trial); null: not shown */
    TariffsScreen(ManageTariffsUseCase tariffs, Conversations conversations, SetTariffLimitsUseCase limits, ManageGrowthUseCase growth) {
        this.tariffs = tariffs;
        this.conversations = conversations;
        this.limits = limits;
        this.growth = growth;
    }

    void list(Interaction ix) {
        list(ix, null);
    }

    void list(Interaction ix, String noteHtml) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        List<Tariff> all = sorted(tariffs.allTariffs(ix.userId()));
        StringBuilder text = new StringBuilder(noteHtml == null ? "" : noteHtml + "\n\n").append(t.html("admin.tariffs.title")).append("\n\n");
        Optional<SalesPause> pause = tariffs.salesPause(ix.userId());
        pause.ifPresent(p -> text.append(t.html("admin.sales.state_paused", t.date(p.since(), ix.zone()),
                p.message().isEmpty() ? t.label("admin.sales.no_message") : p.message())).append("\n\n"));
        if (all.isEmpty()) text.append(t.html("admin.tariffs.none"));
        View buttons = View.of("");
        for (Tariff tariff : all) {
            text.append(t.html("admin.tariffs.line", tariff.id().value(), t.period(tariff.days()), t.money(tariff.price()),
                    t.label(tariff.active() ? "admin.tariffs.on_sale" : "admin.tariffs.off_sale"), tariff.displayOrder())).append('\n');
            buttons.row(Button.callback(t.label("admin.tariffs.button", t.period(tariff.days()), t.money(tariff.price()),
                    tariff.active() ? "✅" : "⛔"), CallbackData.of(Action.TARIFF, tariff.id().value())));
        }
        ix.show(View.of(text.toString().strip()).rowsOf(buttons)
                .row(Button.callback(t.label("admin.tariffs.add"), CallbackData.of(Action.TARIFF_ADD)))
                .row(pause.isPresent()
                        ? Button.callback(t.label("admin.sales.resume"), CallbackData.of(Action.SALES_RESUME))
                        : Button.callback(t.label("admin.sales.pause"), CallbackData.of(Action.SALES_PAUSE)))
                .row(AdminHome.back(t)));
    }

    void card(Interaction ix, TariffId id) {
        card(ix, id, null);
    }

    void card(Interaction ix, TariffId id, String noteHtml) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        Tariff tariff = find(ix, id);
        String card = t.html("admin.tariff.card", tariff.id().value(), t.period(tariff.days()), tariff.days(), t.money(tariff.price()),
                t.label(tariff.active() ? "admin.tariffs.on_sale" : "admin.tariffs.off_sale"), tariff.displayOrder());
        card += "\n" + (tariff.starsPrice() == null ? t.html("admin.tariff.stars_derived") : t.html("admin.tariff.stars", tariff.starsPrice().count()));
        if (limits != null) card += "\n" + limitsLine(t, limits.limitsOf(ix.userId(), id)) + "\n" + packLine(t, limits.trafficPackOf(ix.userId(), id));
        String tid = String.valueOf(id.value());
        View view = View.of(noteHtml == null ? card : noteHtml + "\n\n" + card)
                .row(Button.callback(t.label("admin.tariff.price"), CallbackData.of(Action.TARIFF_PRICE, tid)))
                .row(Button.callback(t.label("admin.tariff.stars_button"), CallbackData.of(Action.TARIFF_STARS, tid)));
        if (limits != null) view.row(Button.callback(t.label("admin.tariff.limits_button"), CallbackData.of(Action.TARIFF_LIMITS, tid)));
        if (limits != null) view.row(Button.callback(t.label("admin.tariff.pack_button"), CallbackData.of(Action.TARIFF_PACK, tid)));
        ix.show(view
                .row(tariff.active()
                        ? Button.callback(t.label("admin.tariff.disable"), CallbackData.of(Action.TARIFF_ACTIVE, tid, false))
                        : Button.callback(t.label("admin.tariff.enable"), CallbackData.of(Action.TARIFF_ACTIVE, tid, true)))
                .row(oncePerUserToggle(ix, id))
                .row(Button.callback(t.label("admin.tariff.remove"), CallbackData.of(Action.TARIFF_REMOVE, tid)))
                .row(Button.callback(t.label("admin.tariffs.back"), CallbackData.of(Action.TARIFFS)), AdminHome.back(t)));
    }

    /** "Devices: 3 · traffic: 50 GB, from zero every 30 days"; 0 reads as the shop's default. */
    /** "a traffic pack of N GB (not sold as a key)" or "an ordinary tariff". */
    static String packLine(Texts t, int packGb) {
        return packGb > 0 ? t.html("admin.tariff.pack", packGb) : t.html("admin.tariff.no_pack");
    }

    static String limitsLine(Texts t, TariffLimits l) {
        String devices = l.devices() == 0 ? t.label("admin.tariff.limits_default") : String.valueOf(l.devices());
        String traffic = l.trafficGb() == 0 ? t.label("admin.tariff.limits_default")
                : t.label(l.monthlyReset() ? "admin.tariff.limits_gb_monthly" : "admin.tariff.limits_gb", l.trafficGb());
        return t.html("admin.tariff.limits", devices, traffic);
    }

    /** "Once per user: yes/no" (a paid micro-trial): pressing it switches; none without growth. */
    private Button[] oncePerUserToggle(Interaction ix, TariffId id) {
        if (growth == null) return new Button[0];
        boolean on = growth.oncePerUser(ix.userId(), id);
        return new Button[] {Button.callback(ix.texts().label(on ? "admin.tariff.once_on" : "admin.tariff.once_off"),
                CallbackData.of(Action.TARIFF_ONCE_PER_USER, id.value(), !on))};
    }

    void setOncePerUser(Interaction ix, TariffId id, boolean once) {
        if (growth == null) throw new Refusal(Refusal.Reason.TRIAL_UNAVAILABLE, "growth is not wired");
        growth.markOncePerUser(ix.userId(), id, once);
        card(ix, id);
    }

    void setActive(Interaction ix, TariffId id, boolean active) {
        Tariff changed = tariffs.setActive(ix.userId(), id, active);
        Texts t = ix.texts();
        card(ix, id, "✅ " + t.html(active ? "admin.tariff.enabled" : "admin.tariff.disabled", t.period(changed.days())));
    }

    void askRemove(Interaction ix, TariffId id) {
        Texts t = ix.texts();
        Tariff tariff = find(ix, id);
        String tid = String.valueOf(id.value());
        ix.show(View.of(t.html("admin.tariff.remove_ask", t.period(tariff.days()), t.money(tariff.price())))
                .row(Button.callback(t.label("admin.tariff.remove_confirm"), CallbackData.of(Action.TARIFF_REMOVE_CONFIRMED, tid)))
                .row(Button.callback(t.label("admin.tariff.back"), CallbackData.of(Action.TARIFF, tid))));
    }

    void remove(Interaction ix, TariffId id) {
        Texts t = ix.texts();
        Tariff tariff = find(ix, id);
        tariffs.removeTariff(ix.userId(), id);
        list(ix, "✅ " + t.html("admin.tariff.removed", t.period(tariff.days()), t.money(tariff.price())));
    }

    Tariff find(Interaction ix, TariffId id) {
        return tariffs.allTariffs(ix.userId()).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariff " + id));
    }

    static List<Tariff> sorted(List<Tariff> tariffs) {
        return tariffs.stream().sorted(Comparator.comparingInt(Tariff::displayOrder).thenComparingLong(x -> x.id().value())).toList();
    }
}
