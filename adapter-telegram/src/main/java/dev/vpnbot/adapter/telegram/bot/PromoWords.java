package dev.vpnbot.adapter.telegram.bot;

import dev.vpnbot.domain.promo.Benefit;

/** What a promo code gives, in the reader's language ("20% off", "+7 days"…), for buyers and admins alike. */
public final class PromoWords {
    private PromoWords() {}

    public static String benefit(Texts t, Benefit benefit) {
        if (benefit instanceof Benefit.PercentOff p) return t.label("code.benefit.percent", p.percent());
        if (benefit instanceof Benefit.AmountOff a) return t.label("code.benefit.amount", t.money(a.amount()));
        if (benefit instanceof Benefit.ExtraDays d) return t.label("code.benefit.days", t.period(d.days()));
        return t.label("code.benefit.free", ((Benefit.FreeKey) benefit).tariffId().value());
    }
}
