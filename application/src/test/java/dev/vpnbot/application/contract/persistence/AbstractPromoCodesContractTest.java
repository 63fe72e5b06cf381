package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.application.port.out.codes.PromoCodes;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.promo.Benefit;
import dev.vpnbot.domain.promo.PromoCode;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.User;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code PromoCodes} contract, for every implementation: codes, their uses counted with their orders, remembered codes. */
public abstract class AbstractPromoCodesContractTest extends PersistenceContract {
    private final Function<Persistence, PromoCodes> store;
    private PromoCodes codes;

    /** @param store the implementation under test, over the same unit of work as the ports */
    protected AbstractPromoCodesContractTest(Supplier<Persistence> freshPorts, Function<Persistence, PromoCodes> store) {
        super(freshPorts);
        this.store = store;
    }

    @BeforeEach
    void openStore() {
        codes = store.apply(ports);
    }

    private static PromoCode code(String text, Benefit benefit) {
        return new PromoCode(0, text, benefit, 2, 1, NOW.plusSeconds(3600), Set.of(new TariffId(1), new TariffId(3)), true, false, NOW);
    }

    @Test
    void every_kind_of_code_is_stored_as_given_and_a_taken_text_is_refused() {
        for (Benefit benefit : new Benefit[] {new Benefit.PercentOff(15), new Benefit.AmountOff(Money.of("1.25", "USD")),
                new Benefit.ExtraDays(7), new Benefit.FreeKey(new TariffId(1))}) {
            String text = "C" + benefit.getClass().getSimpleName().toUpperCase();
            PromoCode stored = codes.create(code(text, benefit)).orElseThrow();
            assertThat(stored.id()).isPositive();
            assertThat(codes.find(text)).contains(stored);
            assertThat(stored).isEqualTo(code(text, benefit).withId(stored.id()));
        }
        assertThat(codes.create(code("CPERCENTOFF", new Benefit.ExtraDays(1)))).isEmpty();
        assertThat(codes.all(10)).hasSize(4).first().extracting(PromoCode::code).isEqualTo("CFREEKEY");
    }

    @Test
    void disabling_is_saved() {
        PromoCode stored = ports.transactions().inTransaction(() -> codes.create(code("OFF1", new Benefit.PercentOff(5))).orElseThrow());
        codes.save(stored.disable());
        assertThat(codes.findForUpdate("OFF1")).hasValueSatisfying(c -> assertThat(c.disabled()).isTrue());
    }

    @Test
    void uses_count_orders_that_were_not_given_up_and_paid_ones_give_the_figures() {
        User ivan = savedUser(1001);
        User olga = savedUser(1002);
        Server server = savedServer("Frankfurt");
        PromoCode code = codes.create(code("SUMMER", new Benefit.PercentOff(20))).orElseThrow();
        Order first = placedOrder(ivan, server, NOW);
        Order second = placedOrder(olga, server, NOW);
        Order third = placedOrder(olga, server, NOW);
        Money list = ONE_MONTH.price();
        Money off = Money.of("1.00", list.currencyCode());
        for (Order o : new Order[] {first, second, third}) {
            codes.redeem(new Redemption(code.id(), code.code(), o.id(), o.userId(), list, off, 0, NOW, null));
        }
        ports.orders().save(third.cancel());
        ports.orders().save(first.pay(first.price(), NOW));

        assertThat(codes.uses(code.id())).isEqualTo(2);
        assertThat(codes.usesBy(code.id(), olga.id())).isEqualTo(1);
        assertThat(codes.hasPaidOrder(ivan.id())).isTrue();
        assertThat(codes.hasPaidOrder(olga.id())).isFalse();
        assertThat(codes.redemptionOf(first.id())).hasValueSatisfying(r -> {
            assertThat(r.orderStatus()).isEqualTo(OrderStatus.PAID);
            assertThat(r.listPrice()).isEqualTo(list);
            assertThat(r.off()).isEqualTo(off);
        });
        assertThat(codes.redemptions(code.id(), 10)).hasSize(3);
        CodeFigures figures = codes.figures(10).get(0);
        assertThat(figures.uses()).isEqualTo(2);
        assertThat(figures.paidUses()).isEqualTo(1);
        assertThat(figures.discountGiven()).containsExactly(off);
    }

    @Test
    void a_remembered_code_is_kept_replaced_and_forgotten() {
        User ivan = savedUser(1001);
        assertThat(codes.remembered(ivan.id())).isEmpty();
        codes.remember(ivan.id(), "LINK");
        codes.remember(ivan.id(), "OTHER");
        assertThat(codes.remembered(ivan.id())).contains("OTHER");
        codes.forget(ivan.id());
        codes.forget(ivan.id());
        assertThat(codes.remembered(ivan.id())).isEmpty();
    }
}
