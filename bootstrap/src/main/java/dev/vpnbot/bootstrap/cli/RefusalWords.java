package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.port.in.Refusal;
import java.util.Optional;

/**
 * What an operator reads when a command is refused: a sentence, not a code. Every reason has
 * one (the switches are exhaustive, so a new reason does not compile without its sentence).
 */
final class RefusalWords {
    private RefusalWords() {}

    /** "refused: …" for a use case's refusal, with the detail it carried (which tariff, which price). */
    static String of(Refusal refusal) {
        String detail = detail(refusal);
        return switch (refusal.reason()) {
            case INVALID_INPUT -> panelProblem(detail).orElse("refused: that is not accepted: " + detail);
            case TARIFF_NOT_AVAILABLE -> "refused: there is no such tariff (" + detail + "); `tariff list` shows every tariff";
            case SERVER_NOT_AVAILABLE -> "refused: there is no such server, or it is retired (" + detail + "); `server list` shows every server";
            case NO_SERVER_AVAILABLE -> "refused: no server can take a new key: every one is full or switched off";
            case SERVER_HAS_ACTIVE_KEYS -> "refused: the server still has keys in use (" + detail + "); switch it off instead, or wait until they expire";
            case USER_NOT_REGISTERED -> "refused: that user has never started the bot (" + detail + ")";
            case USER_NOT_FOUND -> "refused: there is no such user (" + detail + ")";
            case KEY_NOT_FOUND -> "refused: there is no such key (" + detail + ")";
            case ORDER_NOT_FOUND -> "refused: there is no such order (" + detail + ")";
            case ORDER_NOT_PAYABLE -> "refused: that order can no longer be paid (" + detail + ")";
            case BROADCAST_NOT_FOUND -> "refused: there is no such broadcast (" + detail + ")";
            case PAYMENT_GATEWAY_UNAVAILABLE -> "refused: Heleket could not be reached, try again in a minute (" + detail + ")";
            case NOT_ADMIN -> "refused: only an admin may do that (" + detail + ")";
            case TOO_MANY_OPEN_ORDERS -> "refused: that user already has as many unpaid orders as MAX_OPEN_ORDERS allows (" + detail + ")";
            case STARS_NOT_OFFERED -> "refused: Telegram Stars are not offered for that order (" + detail + ")";
            case PAYMENT_NOT_FOUND -> "refused: there is no such Stars payment (" + detail + ")";
            case SALES_PAUSED -> "refused: sales are paused (maintenance); `vpnbot maintenance off` sells again";
            case USER_BANNED -> "refused: that user is banned (" + detail + "); `vpnbot user unban` lifts it";
            case BALANCE_TOO_LOW -> "refused: the balance does not cover it (" + detail + ")";
            case UNKNOWN_TIME_ZONE -> "refused: the time zone database has no such zone (" + detail + "); use a name like Europe/Moscow or UTC+03:00";
            case CODE_UNKNOWN -> "refused: there is no such promo code (" + detail + "); `promo list` shows every code";
            case CODE_DISABLED -> "refused: that promo code is disabled (" + detail + ")";
            case CODE_EXPIRED -> "refused: that promo code has expired (" + detail + ")";
            case CODE_WRONG_TARIFF -> "refused: that promo code is not valid for this tariff (" + detail + ")";
            case CODE_EXHAUSTED -> "refused: every use of that promo code is taken (" + detail + ")";
            case CODE_USED_UP -> "refused: that user has used the promo code as often as allowed (" + detail + ")";
            case CODE_NEW_USERS_ONLY -> "refused: that promo code is for new users only (" + detail + ")";
            case CODE_NOT_STACKABLE -> "refused: the order has another discount and PROMO_STACKING is off (" + detail + ")";
            case CODE_ALREADY_APPLIED -> "refused: that order already has a promo code (" + detail + ")";
            case TRIAL_UNAVAILABLE -> "refused: the free trial is off; TRIAL_ENABLED=true switches it on";
            case TRIAL_ALREADY_USED -> "refused: that user has had their free trial (" + detail + ")";
            case TRIAL_NEEDS_USERNAME, TRIAL_ACCOUNT_TOO_NEW, TRIAL_NEEDS_CHANNEL -> "refused: a trial gate is closed (" + detail + ")";
            case TRIAL_KEY_NOT_RENEWABLE -> "refused: a trial key is not extended (" + detail + ")";
            case TRAFFIC_PACK_NEEDS_LIMIT -> "refused: the key has no traffic limit to add a pack to (" + detail + ")";
            case TRAFFIC_PACK_KEY_EXPIRED -> "refused: the key has expired; extend it before adding traffic (" + detail + ")";
            case TARIFF_ONCE_PER_USER -> "refused: that tariff is sold once per user and was bought already (" + detail + ")";
            case REFERRALS_OFF -> "refused: referrals are off; REFERRAL_ENABLED=true and BOT_USERNAME switch them on";
            case GIFT_NOT_FOUND, GIFT_TAKEN, GIFT_EXPIRED, GIFT_OWN, GIFT_NOT_RECLAIMABLE ->
                    "refused: gift (" + refusal.reason() + "): " + detail;
        };
    }

    /** One line for a panel test that failed: what is wrong and what to do, then the panel's own words. */
    static String of(PanelProbe.Problem problem) {
        return "problem: " + sentence(problem.kind()) + " (panel said: " + problem.message() + ")";
    }

    /** Adding a server refuses a failed panel test as invalid input "KIND: message": said in words here. */
    private static Optional<String> panelProblem(String detail) {
        for (PanelFault kind : PanelFault.values()) {
            if (detail.startsWith(kind.name() + ": ")) {
                return Optional.of("refused: " + sentence(kind) + " (panel said: " + detail.substring(kind.name().length() + 2) + ")");
            }
        }
        return Optional.empty();
    }

    private static String sentence(PanelFault kind) {
        return switch (kind) {
            case WRONG_BASE_PATH -> "no 3x-ui panel answers at that URL: check it includes the panel's secret web base path "
                    + "(Panel settings → URI path) and http or https as the panel uses";
            case BAD_CREDENTIALS -> "the panel refused the login: check the username and password (or API token, or two-factor code)";
            case TLS_PIN_MISMATCH -> "the panel showed another certificate than the pinned one: if it was changed on purpose, "
                    + "pin the new SHA-256 with --tls-pin";
            case TLS_UNTRUSTED -> "the panel's certificate is not trusted (self-signed?): compare its SHA-256 above with the panel's, "
                    + "then pass it as --tls-pin";
            case UNSUPPORTED_VERSION -> "this panel does not offer what is needed: API tokens need 3x-ui 3.0 or newer, "
                    + "use --username with a password, or update the panel";
            case INBOUND_NOT_FOUND -> "the panel has no VLESS inbound with that id: pick one listed above, or use --create-inbound";
            case CLIENT_NOT_FOUND -> "the client is not on the panel";
            case DUPLICATE_EMAIL -> "the panel holds a client with our email that is not ours";
            case UNREACHABLE -> "the panel could not be reached: check the address, the port and the firewall";
            case BUSY -> "the panel's database is busy: try again in a minute";
            case REJECTED -> "the panel refused the request";
        };
    }

    /** The refusal's message without its code: "TARIFF_NOT_AVAILABLE: no tariff 9" → "no tariff 9". */
    private static String detail(Refusal refusal) {
        String message = refusal.getMessage() == null ? "" : refusal.getMessage();
        String code = refusal.reason().name() + ": ";
        return message.startsWith(code) ? message.substring(code.length()) : message;
    }
}
