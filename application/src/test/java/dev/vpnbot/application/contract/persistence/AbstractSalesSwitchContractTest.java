package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sales switch (maintenance), for every implementation. */
public abstract class AbstractSalesSwitchContractTest extends PersistenceContract {
    private final Function<Persistence, SalesSwitch> switches;
    private SalesSwitch sales;

    protected AbstractSalesSwitchContractTest(Supplier<Persistence> freshPorts, Function<Persistence, SalesSwitch> switches) {
        super(freshPorts);
        this.switches = switches;
    }

    @BeforeEach
    void openSwitch() {
        sales = switches.apply(ports);
    }

    @Test
    void sales_run_until_paused_and_run_again_after_resuming() {
        assertThat(sales.current()).isEmpty();
        SalesPause pause = new SalesPause("Обновляем серверы до 18:00 — «скоро вернёмся»", NOW, new UserId(900));

        sales.pause(pause);
        assertThat(sales.current()).contains(pause);

        sales.resume();
        assertThat(sales.current()).isEmpty();
        sales.resume();
        assertThat(sales.current()).isEmpty();
    }

    @Test
    void a_second_pause_replaces_the_first() {
        sales.pause(new SalesPause("first", NOW, new UserId(900)));
        SalesPause second = new SalesPause("", NOW.plus(Duration.ofMinutes(5)), new UserId(901));

        sales.pause(second);

        assertThat(sales.current()).contains(second);
    }
}
