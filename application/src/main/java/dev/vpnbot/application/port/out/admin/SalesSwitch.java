package dev.vpnbot.application.port.out.admin;

import dev.vpnbot.domain.shop.SalesPause;
import java.util.Optional;

/** Outgoing port: whether new keys are sold (maintenance), shared by every instance of the bot. */
public interface SalesSwitch {

    /** The pause in force, or empty while sales run. */
    Optional<SalesPause> current();

    /** Pauses sales, or replaces the pause in force (a new message). */
    void pause(SalesPause pause);

    /** Sales run again; resuming while they run is not an error. */
    void resume();
}
