package dev.vpnbot.adapter.postgres.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractTrafficPacksContractTest;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.tariff.TariffLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code TrafficPacks} contract against PostgreSQL, and what packs mean for the monthly reset there. */
@PostgresTest
class PostgresTrafficPacksContractTest extends AbstractTrafficPacksContractTest {
    private final PostgresPersistence db;

    PostgresTrafficPacksContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), ports -> db.trafficPacks());
        this.db = db;
    }

    @Test
    void a_pack_bought_after_the_keys_monthly_tariff_does_not_stop_its_monthly_reset() {
        db.tariffLimits().setLimits(ONE_MONTH.id(), new TariffLimits(0, 10, true));
        VpnKey k = newKey(owner, server, NOW.plus(Duration.ofDays(60)), KeyStatus.ACTIVE);
        VpnKey key = new VpnKey(k.id(), k.owner(), k.serverId(), k.client(), k.expiresAt(), k.status(), k.links(),
                NOW.minus(Duration.ofDays(40)));
        ports.keys().save(key);
        fulfilledOrder(key, ONE_MONTH);
        Order packOrder = fulfilledOrder(key, pack); // the latest order, of a tariff without a monthly reset
        packs.granted(packOrder.id(), key.id(), 10, NOW);

        assertThat(db.monthlyResets().due(NOW, 10)).extracting(VpnKey::id).containsExactly(key.id());
    }
}
