package dev.vpnbot.application.service.codes;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.domain.promo.CodeProblem;

/** A code's problem as the refusal the buyer is shown, in their language. */
final class CodeRefusals {
    private CodeRefusals() {}

    static Refusal of(CodeProblem problem, String code) {
        Refusal.Reason reason = switch (problem) {
            case DISABLED -> Refusal.Reason.CODE_DISABLED;
            case EXPIRED -> Refusal.Reason.CODE_EXPIRED;
            case WRONG_TARIFF -> Refusal.Reason.CODE_WRONG_TARIFF;
            case EXHAUSTED -> Refusal.Reason.CODE_EXHAUSTED;
            case USED_UP_BY_USER -> Refusal.Reason.CODE_USED_UP;
            case NEW_USERS_ONLY -> Refusal.Reason.CODE_NEW_USERS_ONLY;
            case NOT_STACKABLE -> Refusal.Reason.CODE_NOT_STACKABLE;
        };
        return new Refusal(reason, "code " + code);
    }

    static Refusal unknown(String typed) {
        String shown = typed == null ? "" : typed.length() > 40 ? typed.substring(0, 40) + "…" : typed;
        return new Refusal(Refusal.Reason.CODE_UNKNOWN, "no code '" + shown.replaceAll("\\p{Cntrl}", "?") + "'");
    }
}
