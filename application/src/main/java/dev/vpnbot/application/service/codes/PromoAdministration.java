package dev.vpnbot.application.service.codes;

import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.codes.ManagePromoCodesUseCase;
import dev.vpnbot.application.port.in.codes.PromoSpec;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.domain.promo.Benefit;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Promo codes for admins: create (one, or a batch of single-use ones), list with figures, disable, uses. */
public final class PromoAdministration implements ManagePromoCodesUseCase {
    /** No 0/O or 1/I: codes are read off screens and typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int RANDOM_PART = 8;
    private static final int LIST_LIMIT = 200;

    private final Admins admins;
    private final PromoCodes codes;
    private final Tariffs tariffs;
    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PromoAdministration(Admins admins, PromoCodes codes, Tariffs tariffs, Transactions transactions, Clock clock) {
        this.admins = admins;
        this.codes = codes;
        this.tariffs = tariffs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public PromoCode create(UserId actor, PromoSpec spec) {
        admins.require(actor);
        requireKnownTariffs(spec);
        PromoCode code = spec.toCode(spec.code(), spec.maxUses(), spec.maxUsesPerUser(), clock.instant());
        return transactions.inTransaction(() -> codes.create(code))
                .orElseThrow(() -> new Refusal(Refusal.Reason.INVALID_INPUT, "the code " + code.code() + " exists already"));
    }

    @Override
    public List<PromoCode> batch(UserId actor, PromoSpec spec, int count) {
        admins.require(actor);
        if (count < 1 || count > MAX_BATCH) throw new Refusal(Refusal.Reason.INVALID_INPUT, "a batch is 1.." + MAX_BATCH + " codes");
        requireKnownTariffs(spec);
        String prefix = spec.code().length() > PromoCode.MAX_LENGTH - RANDOM_PART - 1
                ? spec.code().substring(0, PromoCode.MAX_LENGTH - RANDOM_PART - 1) : spec.code();
        return transactions.inTransaction(() -> {
            List<PromoCode> made = new ArrayList<>(count);
            while (made.size() < count) {
                // a clash with an existing code is simply drawn again
                Optional<PromoCode> stored = codes.create(spec.toCode(prefix + "-" + randomPart(), 1, 1, clock.instant()));
                stored.ifPresent(made::add);
            }
            return made;
        });
    }

    @Override
    public List<CodeFigures> list(UserId actor) {
        admins.require(actor);
        return codes.figures(LIST_LIMIT);
    }

    @Override
    public PromoCode disable(UserId actor, String code) {
        admins.require(actor);
        return transactions.inTransaction(() -> {
            PromoCode found = stored(code, true);
            PromoCode disabled = found.disable();
            codes.save(disabled);
            return disabled;
        });
    }

    @Override
    public List<Redemption> redemptions(UserId actor, String code) {
        admins.require(actor);
        return codes.redemptions(stored(code, false).id(), LIST_LIMIT);
    }

    private PromoCode stored(String typed, boolean lock) {
        String text = PromoCode.normalize(typed).orElseThrow(() -> CodeRefusals.unknown(typed));
        return (lock ? codes.findForUpdate(text) : codes.find(text)).orElseThrow(() -> CodeRefusals.unknown(typed));
    }

    private void requireKnownTariffs(PromoSpec spec) {
        List<dev.vpnbot.domain.tariff.TariffId> named = new ArrayList<>(spec.tariffs());
        if (spec.benefit() instanceof Benefit.FreeKey free) named.add(free.tariffId());
        for (var id : named) {
            if (tariffs.find(id).isEmpty()) throw new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariff " + id);
        }
    }

    private String randomPart() {
        StringBuilder part = new StringBuilder(RANDOM_PART);
        for (int i = 0; i < RANDOM_PART; i++) part.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return part.toString();
    }
}
