package dev.vpnbot.bootstrap.wiring;

import com.google.inject.Binder;
import com.google.inject.Singleton;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Wiring for a service that needs nothing but what is already bound: one instance, made by its
 * widest public constructor, each parameter found by its type. The application knows no Guice,
 * so its constructors carry no {@code @Inject}; this names the constructor instead of a
 * {@code @Provides} method that only repeats its parameters (and conflicts on every merge).
 * A service that needs a setting, a decorator or a chained call keeps its {@code @Provides}.
 */
final class Autowire {
    private Autowire() {
    }

    /** Binds {@code service} as a singleton built by its widest public constructor, and each port to it. */
    @SafeVarargs
    static <T> void singleton(Binder binder, Class<T> service, Class<? super T>... ports) {
        binder.bind(service).toConstructor(widest(service)).in(Singleton.class);
        for (Class<? super T> port : ports) bind(binder, port, service);
    }

    private static <P, T extends P> void bind(Binder binder, Class<P> port, Class<T> service) {
        binder.bind(port).to(service);
    }

    /** The one public constructor with the most parameters; two of that width would make the choice a guess, so they fail. */
    @SuppressWarnings("unchecked")
    static <T> Constructor<T> widest(Class<T> service) {
        if (Modifier.isAbstract(service.getModifiers())) throw new IllegalArgumentException(service + " is abstract");
        List<Constructor<?>> constructors = Arrays.stream(service.getConstructors())
                .sorted(Comparator.comparingInt(Constructor::getParameterCount)).toList();
        if (constructors.isEmpty()) throw new IllegalArgumentException(service + " has no public constructor");
        Constructor<?> widest = constructors.get(constructors.size() - 1);
        if (constructors.size() > 1 && constructors.get(constructors.size() - 2).getParameterCount() == widest.getParameterCount()) {
            throw new IllegalArgumentException(service + " has two public constructors of " + widest.getParameterCount()
                    + " parameters: wire it with @Provides");
        }
        return (Constructor<T>) widest;
    }
}
