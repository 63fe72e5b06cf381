package dev.vpnbot.application.port.in.codes;

import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/**
 * Use case (admins only; the Telegram admin panel and {@code vpnbot promo …}): promo codes, their
 * uses and what they gave away.
 */
public interface ManagePromoCodesUseCase {
    /** At most this many codes in one batch. */
    int MAX_BATCH = 10_000;

    /** Refused ({@code INVALID_INPUT}) when the code's text is taken. */
    PromoCode create(UserId actor, PromoSpec spec);

    /**
     * {@code count} codes that can be used once each, named {@code <spec's code>-<random>}, with the
     * spec's benefit, expiry and tariffs.
     */
    List<PromoCode> batch(UserId actor, PromoSpec spec, int count);

    /** Every code with its uses and the discount it gave on paid orders, newest first. */
    List<CodeFigures> list(UserId actor);

    PromoCode disable(UserId actor, String code);

    List<Redemption> redemptions(UserId actor, String code);
}
