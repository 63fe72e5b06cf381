package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase;
import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase.ServerLoad;
import dev.vpnbot.application.port.in.admin.ShowStatisticsUseCase.ShopStatistics;
import dev.vpnbot.application.model.statistics.GrowthFigures;
import dev.vpnbot.application.model.statistics.ReferralFigures;
import dev.vpnbot.application.model.statistics.Revenue;
import dev.vpnbot.application.port.in.growth.ManageGrowthUseCase;
import java.util.stream.Collectors;

/**
 * Statistics (admins): users, active keys, keys expiring within 3 days, paid orders and revenue
 * over the last day, week and month (one total per currency), and each server's load.
 */
final class StatisticsScreen {
    private final ShowStatisticsUseCase statistics;
    private final Conversations conversations;

    /** Trial and referral figures; null without the growth use cases. */
    private final ManageGrowthUseCase growth;

    StatisticsScreen(ShowStatisticsUseCase statistics, Conversations conversations) {
        this(statistics, conversations, null);
    }

    /** Moves per day and evacuations (docs/MOVES.md); null: not shown. */
    private dev.vpnbot.application.port.in.move.EvacuateServerUseCase moves;

    StatisticsScreen showingMoves(dev.vpnbot.application.port.in.move.EvacuateServerUseCase evacuations) {
        this.moves = evacuations;
        return this;
    }

    StatisticsScreen(ShowStatisticsUseCase statistics, Conversations conversations, ManageGrowthUseCase growth) {
        this.statistics = statistics;
        this.conversations = conversations;
        this.growth = growth;
    }

    void show(Interaction ix) {
        conversations.clear(ix.chatId());
        Texts t = ix.texts();
        ShopStatistics s = statistics.statistics(ix.userId());
        StringBuilder text = new StringBuilder(t.html("admin.stats.title")).append("\n\n")
                .append(t.html("admin.stats.users", s.users())).append('\n')
                .append(t.html("admin.stats.active_keys", s.activeKeys())).append('\n')
                .append(t.html("admin.stats.expiring", s.keysExpiringWithin3Days())).append("\n\n")
                .append(t.html("admin.stats.revenue")).append('\n')
                .append(t.html("admin.stats.day", revenue(t, s.lastDay()))).append('\n')
                .append(t.html("admin.stats.week", revenue(t, s.lastWeek()))).append('\n')
                .append(t.html("admin.stats.month", revenue(t, s.lastMonth()))).append("\n\n")
                .append(t.html("admin.stats.servers")).append('\n');
        if (s.servers().isEmpty()) text.append(t.html("admin.servers.none")).append('\n');
        for (ServerLoad load : s.servers()) {
            int percent = load.maxClients() == 0 ? 0 : (int) Math.round(100.0 * load.activeKeys() / load.maxClients());
            text.append(t.html(load.active() ? "admin.stats.server" : "admin.stats.server_off",
                    load.name(), load.activeKeys(), load.maxClients(), percent)).append('\n');
        }
        if (growth != null) text.append('\n').append(growth(t, growth.figures(ix.userId())));
        if (moves != null) text.append('\n').append(dev.vpnbot.adapter.telegram.admin.evacuate.EvacuationScreen.figures(t,
                moves.figures(ix.userId(), 7)));
        ix.show(View.of(text.toString().strip())
                .row(Button.callback(t.label("admin.stats.refresh"), CallbackData.of(Action.STATISTICS)))
                .row(AdminHome.back(t)));
    }

    /** Trials started and converted, what invited users paid, rewards granted and reversed. */
    static String growth(Texts t, GrowthFigures g) {
        ReferralFigures r = g.referrals();
        String crypto = r.cryptoTotals().isEmpty() ? "0" : r.cryptoTotals().stream().map(t::money).collect(Collectors.joining(" + "));
        return t.html("admin.stats.growth", g.trialsStarted(), g.trialsConverted(), g.conversionPercent(), r.invited(), r.paidOrders(),
                crypto, r.stars(), r.rewardsGranted(), r.rewardsReversed());
    }

    /** "3 orders · 15.00 USD + 500.00 RUB", then Stars in stars and refunds when there are any (never added to fiat). */
    private static String revenue(Texts t, Revenue revenue) {
        String orders = t.plural("unit.order", revenue.paidOrders());
        if (!revenue.totals().isEmpty()) orders += " · " + revenue.totals().stream().map(t::money).collect(Collectors.joining(" + "));
        if (revenue.starsPayments() > 0) orders += " · " + t.label("admin.stats.stars", revenue.starsPayments(), revenue.stars().count());
        if (revenue.refunds() > 0) orders += " · " + t.label("admin.stats.refunds", revenue.refunds(), revenue.refundedStars().count());
        return orders;
    }
}
