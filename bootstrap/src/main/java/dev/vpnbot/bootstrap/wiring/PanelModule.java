package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.vpnbot.adapter.panel3xui.ThreeXuiPanel;
import dev.vpnbot.adapter.panel3xui.ThreeXuiSettings;
import dev.vpnbot.application.port.out.panel.ClientQuota;
import dev.vpnbot.application.port.out.panel.ClientUsage;
import dev.vpnbot.application.port.out.panel.PanelInspection;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.bootstrap.lifecycle.ManagedResource;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * The 3x-ui adapter: one object serves key operations (measured by bootstrap) and admin inspection.
 * Its writes hold the database's {@link PanelWriteLock}, bound with the persistence adapter.
 */
public final class PanelModule extends AbstractModule {

    @Provides
    @Singleton
    ThreeXuiPanel panel(Clock clock, PanelWriteLock writeLock, OkHttpClient http) {
        return new ThreeXuiPanel(ThreeXuiSettings.defaults(), clock, writeLock, http);
    }

    @Provides
    @Singleton
    @Undecorated
    VpnPanel vpnPanel(ThreeXuiPanel panel) {
        return panel;
    }

    @Provides
    @Singleton
    PanelInspection inspection(ThreeXuiPanel panel) {
        return panel;
    }

    @Provides
    @Singleton
    ClientUsage usage(ThreeXuiPanel panel) {
        return panel;
    }

    @Provides
    @Singleton
    ClientQuota quota(ThreeXuiPanel panel) {
        return panel;
    }

    @ProvidesIntoSet
    ManagedResource clients(ThreeXuiPanel panel) {
        return new ManagedResource("3x-ui clients", ManagedResource.CloseOrder.CLIENTS, panel);
    }
}
