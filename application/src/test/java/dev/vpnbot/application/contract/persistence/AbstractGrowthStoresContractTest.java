package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.growth.GrowthFlags;
import dev.vpnbot.application.port.out.growth.Referrals;
import dev.vpnbot.application.port.out.growth.Trials;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.referral.Referral;
import dev.vpnbot.domain.referral.ReferralCode;
import dev.vpnbot.domain.referral.ReferralReward;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The growth stores (trials, referrals, growth flags), for every implementation. */
public abstract class AbstractGrowthStoresContractTest extends PersistenceContract {

    /** The three growth stores over the same ports. */
    public record Stores(Trials trials, Referrals referrals, GrowthFlags flags) {}

    private final Function<Persistence, Stores> stores;
    private Stores growth;

    protected AbstractGrowthStoresContractTest(Supplier<Persistence> freshPorts, Function<Persistence, Stores> stores) {
        super(freshPorts);
        this.stores = stores;
    }

    @BeforeEach
    void openStores() {
        growth = stores.apply(ports);
    }

    @Test
    void a_trial_is_claimed_once_per_user_and_its_key_is_known_as_a_trial_key() {
        User anna = savedUser(2001);
        Server server = savedServer("Trial");
        Order first = placedOrder(anna, server, NOW);
        Order second = placedOrder(anna, server, NOW);

        assertThat(growth.trials().claim(anna.id(), first.id(), NOW)).isTrue();
        assertThat(growth.trials().claim(anna.id(), second.id(), NOW)).isFalse();
        assertThat(growth.trials().used(anna.id())).isTrue();
        assertThat(growth.trials().started()).isEqualTo(1);

        VpnKey key = savedKey(anna, server, NOW.plusSeconds(86_400), KeyStatus.ACTIVE);
        ports.orders().save(first.pay(first.price(), NOW, PaymentMethod.GRANT).grant(key.id(), key.expiresAt()));
        assertThat(growth.trials().isTrialKey(key.id())).isTrue();
        assertThat(growth.trials().converted()).as("a grant is no conversion").isZero();
    }

    @Test
    void codes_are_unique_per_user_and_across_users() {
        User anna = savedUser(2001);
        User boris = savedUser(2002);

        assertThat(growth.referrals().saveCode(anna.id(), new ReferralCode("annaCode1"), NOW)).isTrue();
        assertThat(growth.referrals().saveCode(anna.id(), new ReferralCode("annaCode2"), NOW)).as("one code per user").isFalse();
        assertThat(growth.referrals().saveCode(boris.id(), new ReferralCode("annaCode1"), NOW)).as("a taken code").isFalse();

        assertThat(growth.referrals().codeOf(anna.id())).contains(new ReferralCode("annaCode1"));
        assertThat(growth.referrals().ownerOf(new ReferralCode("annaCode1"))).contains(anna.id());
        assertThat(growth.referrals().codeOf(boris.id())).isEmpty();
    }

    @Test
    void an_invited_user_has_one_referrer_ever_and_the_reward_state_is_kept() {
        User anna = savedUser(2001);
        User boris = savedUser(2002);
        User carl = savedUser(2003);
        Referral invited = new Referral(boris.id(), anna.id(), NOW, Referral.State.WAITING, null, null, null, null, null);

        assertThat(growth.referrals().record(invited)).isTrue();
        assertThat(growth.referrals().record(new Referral(boris.id(), carl.id(), NOW, Referral.State.WAITING, null, null, null, null, null)))
                .isFalse();
        assertThat(growth.referrals().summary(anna.id())).isEqualTo(new Referrals.Summary(1, 0, 0));

        Server server = savedServer("Frankfurt");
        Order qualifying = placedOrder(boris, server, NOW);
        Order reward = placedOrder(anna, server, NOW);
        Referral granted = invited.granted(qualifying.id(), new ReferralReward.ExtraDays(7), reward.id(), NOW);
        ports.transactions().run(() -> growth.referrals().save(granted));

        assertThat(ports.transactions().inTransaction(() -> growth.referrals().findForUpdate(boris.id()))).contains(granted);
        assertThat(growth.referrals().summary(anna.id())).isEqualTo(new Referrals.Summary(1, 1, 7));
        assertThat(growth.referrals().figures().rewardsGranted()).isEqualTo(1);
    }

    @Test
    void only_orders_paid_with_money_count_as_a_first_paid_order() {
        User boris = savedUser(2002);
        Server server = savedServer("Frankfurt");
        Order granted = placedOrder(boris, server, NOW);
        ports.orders().save(granted.pay(granted.price(), NOW, PaymentMethod.GRANT));
        Order test = placedOrder(boris, server, NOW);
        ports.orders().save(test.pay(test.price(), NOW, PaymentMethod.TEST));
        assertThat(growth.referrals().firstPaidOrder(boris.id())).isEmpty();

        Order paid = placedOrder(boris, server, NOW);
        ports.orders().save(paid.pay(paid.price(), NOW.plusSeconds(5), PaymentMethod.CRYPTO));
        Order later = placedOrder(boris, server, NOW);
        ports.orders().save(later.pay(later.price(), NOW.plusSeconds(9), PaymentMethod.STARS));

        assertThat(growth.referrals().firstPaidOrder(boris.id())).contains(paid.id());
        assertThat(growth.referrals().refunded(paid.id())).isFalse();
    }

    @Test
    void trial_servers_and_once_per_user_tariffs_are_marked_and_unmarked() {
        Server server = savedServer("Trial");
        ports.tariffs().save(ONE_MONTH);
        User anna = savedUser(2001);

        growth.flags().markTrialServer(server.id(), true);
        growth.flags().markOncePerUser(ONE_MONTH.id(), true);
        assertThat(growth.flags().trialServers()).containsExactly(server.id());
        assertThat(growth.flags().oncePerUser(ONE_MONTH.id())).isTrue();
        assertThat(growth.flags().boughtBefore(anna.id(), ONE_MONTH.id())).isFalse();
        placedOrder(anna, server, NOW);
        assertThat(growth.flags().boughtBefore(anna.id(), ONE_MONTH.id())).as("an order waiting for payment counts").isTrue();

        growth.flags().markTrialServer(server.id(), false);
        growth.flags().markOncePerUser(ONE_MONTH.id(), false);
        assertThat(growth.flags().trialServers()).isEmpty();
        assertThat(growth.flags().oncePerUser(ONE_MONTH.id())).isFalse();
    }
}
