package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.port.out.balance.AutoRenewals;
import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.application.port.out.balance.Balances.Result;
import dev.vpnbot.application.port.out.balance.TopUps;
import dev.vpnbot.domain.balance.AutoRenew;
import dev.vpnbot.domain.balance.EntryKind;
import dev.vpnbot.domain.balance.LedgerPosting;
import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The balance stores' contract ({@code Balances}, {@code TopUps}, {@code AutoRenewals}): a ledger
 * that never goes negative, writes each source once, keeps its figure equal to its entries, and
 * rolls back with the unit of work; one auto-renewal claim per key and expiry.
 */
public abstract class AbstractBalancesContractTest extends PersistenceContract {

    /** The balance stores over the same persistence. */
    public record BalanceStores(Balances balances, TopUps topUps, AutoRenewals autoRenewals) {}

    private final Function<Persistence, BalanceStores> storesOf;
    private BalanceStores stores;

    protected AbstractBalancesContractTest(Supplier<Persistence> freshPorts, Function<Persistence, BalanceStores> storesOf) {
        super(freshPorts);
        this.storesOf = storesOf;
    }

    private Balances balances() {
        if (stores == null) stores = storesOf.apply(ports);
        return stores.balances();
    }

    private BalanceStores stores() {
        balances();
        return stores;
    }

    private LedgerPosting posting(User user, EntryKind kind, String amount, String source) {
        return new LedgerPosting(user.id(), kind, Money.of(amount, "USD"), "test " + source, source, null, "top-1-x", null, NOW);
    }

    @Test
    void deposits_and_debits_move_the_balance_and_each_entry_records_what_it_left() {
        User user = savedUser(7);
        Balances.Posted in = ports.transactions().inTransaction(() -> balances().post(posting(user, EntryKind.DEPOSIT, "10.00", "topup:a")));
        Balances.Posted out = ports.transactions().inTransaction(() -> balances().post(posting(user, EntryKind.DEBIT, "3.50", "order:1")));

        assertThat(in.result()).isEqualTo(Result.POSTED);
        assertThat(out.result()).isEqualTo(Result.POSTED);
        assertThat(out.entry().balanceAfter()).isEqualTo(Money.of("6.50", "USD"));
        assertThat(balances().balanceOf(user.id())).contains(Money.of("6.50", "USD"));
        assertThat(balances().history(user.id(), 10)).extracting(e -> e.source()).containsExactly("order:1", "topup:a");
        assertThat(balances().accountsDisagreeingWithLedger()).isEmpty();
    }

    @Test
    void a_debit_the_balance_does_not_cover_is_refused_and_writes_nothing() {
        User user = savedUser(7);
        ports.transactions().run(() -> balances().post(posting(user, EntryKind.DEPOSIT, "2.00", "topup:a")));

        Balances.Posted refused = ports.transactions().inTransaction(() -> balances().post(posting(user, EntryKind.DEBIT, "2.01", "order:1")));

        assertThat(refused.result()).isEqualTo(Result.INSUFFICIENT);
        assertThat(refused.balance()).isEqualTo(Money.of("2.00", "USD"));
        assertThat(balances().history(user.id(), 10)).hasSize(1);
        assertThat(balances().entry("order:1")).isEmpty();
    }

    @Test
    void the_same_source_is_written_once() {
        User user = savedUser(7);
        ports.transactions().run(() -> balances().post(posting(user, EntryKind.DEPOSIT, "2.00", "topup:a")));
        Balances.Posted again = ports.transactions().inTransaction(() -> balances().post(posting(user, EntryKind.DEPOSIT, "2.00", "topup:a")));

        assertThat(again.result()).isEqualTo(Result.DUPLICATE);
        assertThat(balances().balanceOf(user.id())).contains(Money.of("2.00", "USD"));
        assertThat(balances().depositsOfPayment("top-1-x")).hasSize(1);
    }

    @Test
    void a_posting_in_another_currency_than_the_account_is_refused() {
        User user = savedUser(7);
        ports.transactions().run(() -> balances().post(posting(user, EntryKind.DEPOSIT, "2.00", "topup:a")));

        assertThatThrownBy(() -> ports.transactions().run(() -> balances().post(new LedgerPosting(user.id(), EntryKind.DEPOSIT,
                Money.of("2.00", "EUR"), "euro", "topup:b", null, null, null, NOW))))
                .hasMessageContaining("EUR");
        assertThat(balances().history(user.id(), 10)).hasSize(1);
    }

    @Test
    void a_posting_in_a_unit_of_work_that_fails_is_not_kept() {
        User user = savedUser(7);
        assertThatThrownBy(() -> ports.transactions().run(() -> {
            balances().post(posting(user, EntryKind.DEPOSIT, "2.00", "topup:a"));
            throw new IllegalStateException("crash after the deposit");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(balances().balanceOf(user.id()).map(m -> m.amount().signum()).orElse(0)).isZero();
        assertThat(balances().entry("topup:a")).isEmpty();
    }

    @Test
    void deposits_of_a_day_are_found_by_their_time() {
        User user = savedUser(7);
        ports.transactions().run(() -> balances().post(posting(user, EntryKind.DEPOSIT, "2.00", "topup:a")));
        ports.transactions().run(() -> balances().post(posting(user, EntryKind.CREDIT, "1.00", "admin:x")));

        assertThat(balances().depositsBetween(NOW, NOW.plusSeconds(1))).extracting(e -> e.source()).containsExactly("topup:a");
        assertThat(balances().depositsBetween(NOW.plusSeconds(1), NOW.plusSeconds(2))).isEmpty();
    }

    @Test
    void a_top_up_is_stored_found_and_credited() {
        User user = savedUser(7);
        TopUps topUps = stores().topUps();
        long id = topUps.nextId();
        TopUp topUp = new TopUp(id, TopUp.publicId(id, "abc"), user.id(), Money.of("5.00", "USD"), null, null, NOW, null);
        ports.transactions().run(() -> topUps.save(topUp));
        ports.transactions().run(() -> topUps.save(topUp.withInvoice(new Invoice("inv-1", "https://pay.example/1"))));

        assertThat(topUps.waiting(NOW.minusSeconds(60), 10)).extracting(TopUp::publicId).containsExactly(topUp.publicId());
        ports.transactions().run(() -> topUps.save(topUps.findForUpdate(topUp.publicId()).orElseThrow().credited(NOW)));
        assertThat(topUps.waiting(NOW.minusSeconds(60), 10)).isEmpty();
        assertThat(topUps.find(topUp.publicId()).orElseThrow().isCredited()).isTrue();
        assertThat(topUps.ofUser(user.id(), 10)).hasSize(1);
    }

    @Test
    void an_auto_renewal_is_claimed_once_per_key_and_expiry() {
        User user = savedUser(7);
        VpnKey key = savedKey(user, savedServer("Frankfurt"), NOW.plus(Duration.ofDays(1)), KeyStatus.ACTIVE);
        AutoRenewals renewals = stores().autoRenewals();
        ports.transactions().run(() -> renewals.switchOn(new AutoRenew(key.id(), user.id(), new TariffId(1), NOW)));
        Order order = placedOrder(user, savedServer("Paris"), NOW);

        assertThat(renewals.due(NOW.plus(Duration.ofDays(2)), 10)).extracting(d -> d.setting().key()).containsExactly(key.id());
        assertThat(renewals.due(NOW.plus(Duration.ofHours(1)), 10)).isEmpty();
        assertThat(ports.transactions().inTransaction(() -> renewals.claim(key.id(), key.expiresAt(), order.id(), NOW))).isTrue();
        assertThat(ports.transactions().inTransaction(() -> renewals.claim(key.id(), key.expiresAt(), order.id(), NOW))).isFalse();
        assertThat(renewals.due(NOW.plus(Duration.ofDays(2)), 10)).isEmpty();
        assertThat(renewals.all(10)).hasSize(1);
        assertThat(ports.transactions().inTransaction(() -> renewals.switchOff(key.id()))).isTrue();
        assertThat(renewals.find(key.id())).isEmpty();
    }
}
