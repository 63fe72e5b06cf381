package dev.vpnbot.adapter.postgres.testing;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.application.fixtures.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Test fixture: gives each test class a fresh, migrated schema of its own on the
 * {@link TestDatabase}, a {@link PostgresPersistence} over it driven by a {@link MutableClock},
 * and drops the schema after the class. Test methods and lifecycle methods may take any of
 * {@link PostgresPersistence}, {@link TestSchema} and {@link MutableClock} as parameters.
 * Use through {@link PostgresTest}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** Where the shared clock starts for every test class. */
    public static final Instant CLOCK_START = Instant.parse("2026-03-01T10:00:00Z");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    /** What one test class holds; closed by JUnit after the class, in reverse order of opening. */
    private record Fixture(TestSchema schema, MutableClock clock, PostgresPersistence persistence) implements AutoCloseable {
        @Override
        public void close() {
            try {
                persistence.close();
            } finally {
                schema.drop();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestSchema schema = TestDatabase.get().newSchema();
        MutableClock clock = new MutableClock(CLOCK_START);
        PostgresPersistence persistence;
        try {
            persistence = PostgresPersistence.open(schema.settings(), TestDatabase.SECRET_KEY, clock);
        } catch (RuntimeException e) {
            schema.drop();
            throw e;
        }
        context.getStore(NAMESPACE).put(Fixture.class, new Fixture(schema, clock, persistence));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Fixture fixture = context.getStore(NAMESPACE).remove(Fixture.class, Fixture.class);
        if (fixture != null) fixture.close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresPersistence.class || type == TestSchema.class || type == MutableClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fixture fixture = fixture(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == PostgresPersistence.class) return fixture.persistence();
        if (type == TestSchema.class) return fixture.schema();
        return fixture.clock();
    }

    private static Fixture fixture(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Fixture fixture = c.getStore(NAMESPACE).get(Fixture.class, Fixture.class);
            if (fixture != null) return fixture;
        }
        throw new IllegalStateException("no PostgreSQL fixture: annotate the test class with @PostgresTest");
    }
}
