package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.vpnbot.bootstrap.health.HealthEndpoint;
import dev.vpnbot.bootstrap.http.WebServer;
import dev.vpnbot.bootstrap.lifecycle.Lifecycle;
import dev.vpnbot.bootstrap.lifecycle.ManagedResource;
import dev.vpnbot.bootstrap.lifecycle.SchemaMigration;
import dev.vpnbot.bootstrap.lifecycle.UpdateSource;
import dev.vpnbot.bootstrap.schedule.BackgroundJobs;
import java.util.Set;

/**
 * Start and shutdown. Adapter modules contribute update sources
 * ({@code @ProvidesIntoSet UpdateSource}) and things to close ({@code @ProvidesIntoSet
 * ManagedResource}); the persistence module binds {@link SchemaMigration}.
 */
public final class LifecycleModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), UpdateSource.class);
        Multibinder.newSetBinder(binder(), ManagedResource.class);
    }

    @Provides
    @Singleton
    Lifecycle lifecycle(SchemaMigration migration, WebServer web, Set<UpdateSource> sources, BackgroundJobs jobs,
                        Set<ManagedResource> resources, HealthEndpoint health) {
        return new Lifecycle(migration, web, sources, jobs, resources, health, Lifecycle.Grace.defaults());
    }
}
