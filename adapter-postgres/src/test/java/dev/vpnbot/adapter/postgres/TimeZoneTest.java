package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.adapter.simulated.SimulatedPaymentGateway;
import dev.vpnbot.adapter.simulated.SimulatedVpnPanel;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.fixtures.TestShop;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceNewKeyOrderCommand;
import dev.vpnbot.application.port.in.ordering.PlaceOrderUseCase.PlaceRenewalCommand;
import dev.vpnbot.application.port.in.account.RegisterUserUseCase.RegisterUserCommand;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.TariffMother;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time: the JVM runs in Asia/Yekaterinburg (UTC+5), the database session in America/New_York,
 * and an expiry still goes in and comes out the very same millisecond, which is the one the
 * panel is given. (The original bot stored times "5 hours less"; this is the proof that cannot
 * happen here.)
 */
@Tag("postgres")
class TimeZoneTest {
    private static final ZoneId JVM_ZONE = ZoneId.of("Asia/Yekaterinburg");
    private static final UserId BUYER = new UserId(1001);
    /** Sub-millisecond digits on purpose, and 30 days later lands after New York's switch to summer time. */
    private static final Instant START = Instant.parse("2026-03-01T19:59:59.123456789Z");

    private TimeZone originalZone;
    private TestSchema schema;
    private PostgresPersistence db;
    private final MutableClock clock = new MutableClock(START);

    @BeforeEach
    void yekaterinburgJvmAndNewYorkSession() {
        originalZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(JVM_ZONE)); // before any connection: the driver reads it when connecting
        schema = TestDatabase.get().newSchema();
        db = PostgresPersistence.open(schema.settings(), TestDatabase.SECRET_KEY, clock, "SET TIME ZONE 'America/New_York'");
    }

    @AfterEach
    void restore() {
        try {
            if (db != null) db.close();
            if (schema != null) schema.drop();
        } finally {
            TimeZone.setDefault(originalZone);
        }
    }

    @Test
    void a_key_expiry_is_stored_read_and_sent_to_the_panel_as_the_same_millisecond_whatever_the_zones() throws Exception {
        assertThat(ZoneId.systemDefault()).isEqualTo(JVM_ZONE);
        assertThat(db.transactions().inTransaction(() -> db.database().currentTransaction().orElseThrow()
                .createQuery("SHOW TIME ZONE").mapTo(String.class).one())).isEqualTo("America/New_York");

        SimulatedVpnPanel panel = new SimulatedVpnPanel();
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();
        TestShop shop = TestShop.inMemory(clock)
                .persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                        db.fulfilmentJobs(), db.transactions())
                .panel(panel).gateway(gateway).build();
        Tariff oneMonth = TariffMother.oneMonth(901);
        shop.tariffs.save(oneMonth);
        Server server = ServerMother.server(1, "Frankfurt");
        shop.servers.save(server);
        shop.registration.register(new RegisterUserCommand(BUYER, "Ivan", "ivan", "ru"));

        Order order = shop.placement.placeNewKey(new PlaceNewKeyOrderCommand(BUYER, oneMonth.id(), server.id()));
        pay(shop, gateway, order);
        shop.worker.runDueJobs();

        Instant expected = START.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
        VpnKey key = shop.keys.ofOwner(BUYER).get(0);
        long sentToPanel = panel.client(server.id(), key.client().email()).orElseThrow().expiresAt().toEpochMilli();
        assertThat(key.expiresAt()).isEqualTo(expected);
        assertThat(sentToPanel).isEqualTo(expected.toEpochMilli()).isEqualTo(key.expiresAt().toEpochMilli());
        assertThat(storedMillis(key)).isEqualTo(expected.toEpochMilli());
        assertThat(storedUtcText(key)).isEqualTo("2026-03-31T19:59:59.123Z");
        assertThat(readFromAnotherSession(key, "Pacific/Chatham")).isEqualTo(expected);

        // a renewal ten days later adds to the stored expiry, not to a shifted one
        clock.advance(Duration.ofDays(10));
        Order renewal = shop.placement.placeRenewal(new PlaceRenewalCommand(BUYER, key.id(), oneMonth.id()));
        pay(shop, gateway, renewal);
        shop.worker.runDueJobs();

        Instant renewed = expected.plus(Duration.ofDays(30));
        assertThat(shop.keys.find(key.id()).orElseThrow().expiresAt()).isEqualTo(renewed);
        assertThat(panel.client(server.id(), key.client().email()).orElseThrow().expiresAt().toEpochMilli())
                .isEqualTo(renewed.toEpochMilli());
        assertThat(storedMillis(key)).isEqualTo(renewed.toEpochMilli());
        assertThat(shop.orders.find(renewal.id()).orElseThrow().grantedUntil()).isEqualTo(renewed);
    }

    @Test
    void instants_around_daylight_saving_switches_survive_a_session_in_a_third_zone() {
        Instant[] tricky = {
                Instant.parse("2026-03-08T07:00:00.001Z"),   // New York's spring-forward instant
                Instant.parse("2026-11-01T05:30:00.999Z"),   // inside New York's repeated hour
                Instant.parse("2026-10-25T00:59:59.500Z"),   // Europe's fall-back hour
                Instant.parse("1999-12-31T23:59:59.999Z"),
                Instant.parse("2099-06-30T12:00:00.000Z")};
        db.users().save(dev.vpnbot.domain.fixtures.UserMother.russian(42));
        for (Instant instant : tricky) {
            db.transactions().run(() -> {
                db.database().currentTransaction().orElseThrow().execute("SET LOCAL TIME ZONE 'Australia/Lord_Howe'");
                db.users().save(new dev.vpnbot.domain.user.User(new UserId(42), "x", null,
                        dev.vpnbot.domain.user.Language.RU, null, false, instant));
            });
            assertThat(db.users().find(new UserId(42)).orElseThrow().registeredAt()).isEqualTo(instant);
            assertThat(schema.queryLong("SELECT (extract(epoch FROM registered_at) * 1000)::bigint FROM users"))
                    .isEqualTo(instant.toEpochMilli());
        }
    }

    private void pay(TestShop shop, SimulatedPaymentGateway gateway, Order order) {
        gateway.payInFull(order.publicId());
        shop.confirmation.confirm(new ConfirmPaymentCommand(order.invoice().invoiceId(), order.publicId(),
                PaymentStatus.PAID, order.price(), "paid", "{}"));
    }

    /** The database's own arithmetic: epoch milliseconds of the stored timestamptz. */
    private long storedMillis(VpnKey key) {
        return schema.queryLong("SELECT (extract(epoch FROM expires_at) * 1000)::bigint FROM vpn_keys WHERE id = " + key.id().value());
    }

    private String storedUtcText(VpnKey key) {
        return schema.queryString("SELECT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM vpn_keys WHERE id = "
                + key.id().value());
    }

    /** Reads the expiry over a plain JDBC connection whose session is in yet another zone. */
    private Instant readFromAnotherSession(VpnKey key, String zone) throws Exception {
        try (Connection c = schema.connect()) {
            c.createStatement().execute("SET TIME ZONE '" + zone + "'");
            try (PreparedStatement ps = c.prepareStatement("SELECT expires_at FROM vpn_keys WHERE id = ?")) {
                ps.setLong(1, key.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, OffsetDateTime.class).toInstant();
                }
            }
        }
    }
}
