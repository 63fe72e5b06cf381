package dev.vpnbot.bootstrap.wiring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Marks an adapter's own port implementation, before bootstrap wraps it (with metrics). The
 * panel module binds {@code @Undecorated VpnPanel}; everyone else gets the measured one.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface Undecorated {
}
