package dev.vpnbot.bootstrap.wiring;

import com.google.inject.multibindings.MapKey;
import dev.vpnbot.bootstrap.http.Route;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Plugs a handler into the route table: {@code @ProvidesIntoMap @RouteKey(Route.CONNECT)} on a
 * provider method returning a {@code WebHandler}.
 */
@MapKey(unwrapValue = true)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RouteKey {
    Route value();
}
