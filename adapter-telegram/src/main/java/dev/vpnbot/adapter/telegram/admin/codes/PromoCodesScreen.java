package dev.vpnbot.adapter.telegram.admin.codes;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.PromoWords;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.codes.ManagePromoCodesUseCase;
import dev.vpnbot.application.port.in.codes.PromoSpec;
import dev.vpnbot.domain.promo.PromoCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Promo codes in the admin panel: the list with each code's uses and the discount it gave, one
 * code with its latest uses and "Disable", and a new code typed in the same words as
 * {@code vpnbot promo create} (batches of single-use codes are the CLI's: they go to a CSV file).
 */
public final class PromoCodesScreen {
    private static final int SHOWN = 20;
    private static final int USES_SHOWN = 10;

    private final ManagePromoCodesUseCase codes;
    private final Conversations conversations;

    /** @param codes null when promo codes are not wired: the screen says so */
    public PromoCodesScreen(ManagePromoCodesUseCase codes, Conversations conversations) {
        this.codes = codes;
        this.conversations = conversations;
    }

    public void list(Interaction ix) {
        Texts t = ix.texts();
        conversations.clear(ix.chatId());
        if (codes == null) {
            ix.show(View.of(t.html("admin.codes.off")).row(back(t)));
            return;
        }
        List<CodeFigures> all = codes.list(ix.userId());
        StringBuilder text = new StringBuilder(t.html("admin.codes.title")).append("\n\n");
        if (all.isEmpty()) text.append(t.html("admin.codes.none"));
        View view = View.of("");
        for (CodeFigures f : all.stream().limit(SHOWN).toList()) {
            text.append(line(t, f)).append('\n');
            view.row(Button.callback((f.code().disabled() ? "⛔ " : "🎟 ") + f.code().code(),
                    CallbackData.of(Action.PROMO_CODE, f.code().id())));
        }
        View shown = View.of(text.toString()).rowsOf(view)
                .row(Button.callback(t.label("admin.codes.new"), CallbackData.of(Action.PROMO_CODE_NEW)))
                .row(back(t));
        ix.show(shown);
    }

    public void card(Interaction ix, long codeId) {
        Texts t = ix.texts();
        CodeFigures f = figures(ix, codeId);
        PromoCode code = f.code();
        StringBuilder text = new StringBuilder(line(t, f)).append("\n\n");
        text.append(t.html("admin.codes.rules", limit(t, code.maxUses()), limit(t, code.maxUsesPerUser()),
                code.expiresAt() == null ? t.label("admin.codes.never") : t.date(code.expiresAt(), ix.zone()),
                code.tariffs().isEmpty() ? t.label("admin.codes.all_tariffs")
                        : code.tariffs().stream().map(id -> "#" + id.value()).sorted().collect(Collectors.joining(" ")),
                code.newUsersOnly() ? t.label("admin.codes.new_users") : t.label("admin.codes.everybody")));
        List<Redemption> uses = codes.redemptions(ix.userId(), code.code());
        if (!uses.isEmpty()) text.append("\n\n").append(t.html("admin.codes.uses"));
        for (Redemption r : uses.stream().limit(USES_SHOWN).toList()) {
            text.append('\n').append(t.html("admin.codes.use", t.date(r.redeemedAt(), ix.zone()), r.userId().telegramId(),
                    r.orderId().value(), t.money(r.off()), String.valueOf(r.orderStatus())));
        }
        View view = View.of(text.toString());
        if (!code.disabled()) view.row(Button.callback(t.label("admin.codes.disable"), CallbackData.of(Action.PROMO_CODE_DISABLE, code.id())));
        ix.show(view.row(Button.callback(t.label("admin.codes.back"), CallbackData.of(Action.PROMO_CODES))).row(back(t)));
    }

    public void disable(Interaction ix, long codeId) {
        codes.disable(ix.userId(), figures(ix, codeId).code().code());
        ix.toast(ix.texts().label("admin.codes.disabled_toast"));
        card(ix, codeId);
    }

    public void askNew(Interaction ix) {
        Texts t = ix.texts();
        if (codes == null) {
            list(ix);
            return;
        }
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_PROMO_NEW, 0, ""));
        ix.show(View.of(t.html("admin.codes.ask")).row(Button.callback(t.label("admin.cancel"), CallbackData.of(Action.PROMO_CODES))));
    }

    /** The words of the new code; a refusal (with its detail) leaves the step open for another try. */
    public void received(Interaction ix, String words) {
        PromoCode created = codes.create(ix.userId(), PromoSpec.parse(words));
        conversations.clear(ix.chatId());
        card(ix, created.id());
    }

    private CodeFigures figures(Interaction ix, long codeId) {
        if (codes == null) throw new Refusal(Refusal.Reason.CODE_UNKNOWN, "promo codes are off");
        return codes.list(ix.userId()).stream().filter(f -> f.code().id() == codeId).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Reason.CODE_UNKNOWN, "code #" + codeId));
    }

    private static String line(Texts t, CodeFigures f) {
        String given = f.discountGiven().isEmpty() ? "0" : f.discountGiven().stream().map(t::money).collect(Collectors.joining(", "));
        return t.htmlRaw("admin.codes.line", Html.code(f.code().code()), Html.escape(PromoWords.benefit(t, f.code().benefit())),
                f.uses(), f.paidUses(), Html.escape(given), f.code().disabled() ? t.html("admin.codes.is_disabled") : "");
    }

    private static String limit(Texts t, int n) {
        return n == 0 ? t.label("admin.codes.no_limit") : String.valueOf(n);
    }

    private static Button back(Texts t) {
        return Button.callback(t.label("admin.back"), CallbackData.of(Action.ADMIN_HOME));
    }

}
