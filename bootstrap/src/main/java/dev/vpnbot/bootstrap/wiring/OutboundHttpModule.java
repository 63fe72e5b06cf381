package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.vpnbot.bootstrap.lifecycle.ManagedResource;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client the process calls out with (Telegram's sender, the 3x-ui panels, Heleket):
 * one connection pool and one dispatcher. Each adapter derives its own timeouts, TLS and
 * interceptors from it with {@code newBuilder()}; it is closed once, after all of them.
 */
public final class OutboundHttpModule extends AbstractModule {

    @Provides
    @Singleton
    OkHttpClient http() {
        return new OkHttpClient();
    }

    @ProvidesIntoSet
    ManagedResource sharedClient(OkHttpClient http) {
        return new ManagedResource("shared HTTP client", ManagedResource.CloseOrder.SHARED_HTTP, () -> close(http));
    }

    /** Stops the dispatcher's threads and drops pooled connections: once, after every adapter that calls through it. */
    public static void close(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
