package dev.vpnbot.application.port.in.growth;

import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.user.UserId;

/** Use case: a user takes the free trial, once per Telegram account ever. */
public interface StartTrialUseCase {

    /** The menu offers the trial: it is switched on and this user never had one. */
    boolean offered(UserId user);

    /**
     * Gives the trial key (delivered like a paid one) or refuses with the reason: trial off
     * ({@code TRIAL_UNAVAILABLE}), already used, a gate closed, no trial server.
     */
    Order start(UserId user);

    /** The channel a user must join, for the screen's button; null: no channel gate. */
    String channel();
}
