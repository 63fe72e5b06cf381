package dev.vpnbot.bootstrap.wiring.sandbox;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vpnbot.adapter.simulated.SimulatedPanelInspection;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedClientUsage;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.bootstrap.wiring.Undecorated;

/**
 * SANDBOX ONLY — puts the simulated panel and payments where the real adapters go. Installed
 * by {@code vpnbot sandbox} instead of the panel and Heleket modules; never by {@code run}.
 */
public final class SandboxModule extends AbstractModule {

    @Provides
    @Singleton
    SimulatedVpnPanel simulatedPanel() {
        return new SimulatedVpnPanel();
    }

    @Provides
    @Singleton
    @Undecorated
    VpnPanel panel(SimulatedVpnPanel panel) {
        return panel;
    }

    @Provides
    @Singleton
    SimulatedClientUsage simulatedUsage(SimulatedVpnPanel panel) {
        return new SimulatedClientUsage(panel);
    }

    @Provides
    @Singleton
    ClientUsage usage(SimulatedClientUsage usage) {
        return usage;
    }

    @Provides
    @Singleton
    ClientQuota quota(SimulatedClientUsage usage) {
        return usage;
    }

    @Provides
    @Singleton
    PanelInspection inspection() {
        return SimulatedPanelInspection.everyAddressAnswers();
    }

    @Provides
    @Singleton
    SimulatedPaymentGateway simulatedPayments() {
        return new SimulatedPaymentGateway();
    }

    @Provides
    @Singleton
    PaymentGateway gateway(SimulatedPaymentGateway payments) {
        return payments;
    }
}
