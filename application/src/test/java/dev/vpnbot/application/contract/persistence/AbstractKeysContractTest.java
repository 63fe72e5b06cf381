package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.application.port.out.Keys;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code Keys} contract, for every implementation. */
public abstract class AbstractKeysContractTest extends PersistenceContract {

    protected AbstractKeysContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }
    private static final String THREE_DAYS = "reminder-3d";

    private User owner;
    private Server server;

    @BeforeEach
    void ownerAndServer() {
        owner = savedUser(42);
        server = savedServer("Frankfurt");
    }

    @Test
    void new_ids_are_never_handed_out_twice() {
        assertThat(ports.keys().nextId()).isNotEqualTo(ports.keys().nextId());
    }

    @Test
    void a_saved_key_comes_back_as_saved_in_every_status() {
        for (KeyStatus status : KeyStatus.values()) {
            VpnKey key = savedKey(owner, server, Instant.parse("2026-04-01T12:34:56.789Z"), status);
            assertThat(ports.keys().find(key.id())).contains(key);
            assertThat(ports.keys().findForUpdate(key.id())).contains(key);
        }
        assertThat(ports.keys().find(new KeyId(999_999))).isEmpty();
    }

    @Test
    void saving_again_activates_extends_and_switches_off() {
        VpnKey reserved = savedKey(owner, server, NOW.plus(Duration.ofDays(30)), KeyStatus.PROVISIONING);
        VpnKey active = reserved.activated(links(server, reserved.client()));
        ports.keys().save(active);
        assertThat(ports.keys().find(reserved.id())).contains(active);

        VpnKey extended = active.extend(Duration.ofDays(90), NOW.plus(Duration.ofDays(3)));
        ports.keys().save(extended);
        assertThat(ports.keys().find(reserved.id())).contains(extended);
        assertThat(ports.keys().find(reserved.id()).orElseThrow().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(120)));

        ports.keys().save(extended.withStatus(KeyStatus.DISABLED));
        assertThat(ports.keys().find(reserved.id()).orElseThrow().status()).isEqualTo(KeyStatus.DISABLED);
    }

    @Test
    void a_users_keys_come_newest_first_expired_ones_too_but_not_deleted_ones_or_other_peoples() {
        User stranger = savedUser(43);
        VpnKey older = savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);
        VpnKey newer = newKey(owner, server, NOW.minus(Duration.ofDays(1)), KeyStatus.ACTIVE);
        newer = new VpnKey(newer.id(), newer.owner(), newer.serverId(), newer.client(), newer.expiresAt(), newer.status(),
                newer.links(), NOW.plus(Duration.ofMinutes(1)));
        ports.keys().save(newer);
        savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.DELETED);
        savedKey(stranger, server, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);

        assertThat(ports.keys().ofOwner(owner.id())).containsExactly(newer, older);
        assertThat(ports.keys().ofOwner(savedUser(44).id())).isEmpty();
    }

    @Test
    void a_page_of_a_users_keys_comes_latest_expiry_first_then_highest_id_without_deleted_or_other_peoples() {
        User stranger = savedUser(43);
        VpnKey soon = savedKey(owner, server, NOW.plus(Duration.ofDays(1)), KeyStatus.ACTIVE);
        VpnKey late = savedKey(owner, server, NOW.plus(Duration.ofDays(90)), KeyStatus.PROVISIONING);
        VpnKey expired = savedKey(owner, server, NOW.minus(Duration.ofDays(3)), KeyStatus.ACTIVE);
        VpnKey sameExpiryFirst = savedKey(owner, server, NOW.plus(Duration.ofDays(30)), KeyStatus.ACTIVE);
        VpnKey sameExpirySecond = savedKey(owner, server, NOW.plus(Duration.ofDays(30)), KeyStatus.DISABLED);
        savedKey(owner, server, NOW.plus(Duration.ofDays(200)), KeyStatus.DELETED);
        savedKey(stranger, server, NOW.plus(Duration.ofDays(300)), KeyStatus.ACTIVE);

        assertThat(ports.keys().ofOwnerByExpiry(owner.id(), 0, 10)).containsExactly(late, sameExpirySecond, sameExpiryFirst, soon, expired);
        assertThat(ports.keys().ofOwnerByExpiry(owner.id(), 0, 2)).containsExactly(late, sameExpirySecond);
        assertThat(ports.keys().ofOwnerByExpiry(owner.id(), 2, 2)).containsExactly(sameExpiryFirst, soon);
        assertThat(ports.keys().ofOwnerByExpiry(owner.id(), 4, 2)).containsExactly(expired);
        assertThat(ports.keys().ofOwnerByExpiry(owner.id(), 5, 2)).isEmpty();
    }

    @Test
    void keys_created_at_the_same_instant_come_highest_id_first() {
        VpnKey first = savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);
        VpnKey second = savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.PROVISIONING);

        assertThat(ports.keys().ofOwner(owner.id())).containsExactly(second, first);
    }

    @Test
    void a_panel_email_is_unique_across_keys_whatever_its_case_and_a_refused_key_changes_nothing() {
        VpnKey taken = savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);
        VpnKey clash = newKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.PROVISIONING);
        VpnKey sameEmail = new VpnKey(clash.id(), clash.owner(), clash.serverId(),
                new PanelClientId(UUID.randomUUID(), taken.client().email().toUpperCase(), "other-sub"),
                clash.expiresAt(), clash.status(), null, clash.createdAt());

        assertThatThrownBy(() -> ports.keys().save(sameEmail)).isInstanceOf(IllegalStateException.class);
        assertThat(ports.keys().find(clash.id())).isEmpty();
        assertThat(ports.keys().find(taken.id())).contains(taken);
    }

    @Test
    void a_sub_id_is_unique_across_keys() {
        VpnKey taken = savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);
        VpnKey clash = newKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.PROVISIONING);
        VpnKey sameSubId = new VpnKey(clash.id(), clash.owner(), clash.serverId(),
                new PanelClientId(UUID.randomUUID(), "another-email", taken.client().subId()),
                clash.expiresAt(), clash.status(), null, clash.createdAt());

        assertThatThrownBy(() -> ports.keys().save(sameSubId)).isInstanceOf(IllegalStateException.class);
        assertThat(ports.keys().find(clash.id())).isEmpty();
    }

    @Test
    void keys_expiring_in_the_window_without_that_reminder_come_soonest_first() {
        Instant from = NOW.plus(Duration.ofDays(3));
        Instant to = from.plus(Duration.ofHours(1));
        VpnKey atStart = savedKey(owner, server, from, KeyStatus.ACTIVE);
        VpnKey late = savedKey(owner, server, to.minusMillis(1), KeyStatus.ACTIVE);
        VpnKey middle = savedKey(owner, server, from.plus(Duration.ofMinutes(30)), KeyStatus.ACTIVE);
        VpnKey remindedOfOtherKind = savedKey(owner, server, from.plus(Duration.ofMinutes(40)), KeyStatus.ACTIVE);
        VpnKey reminded = savedKey(owner, server, from.plus(Duration.ofMinutes(10)), KeyStatus.ACTIVE);
        savedKey(owner, server, to, KeyStatus.ACTIVE);                      // the window is half-open
        savedKey(owner, server, from.minusMillis(1), KeyStatus.ACTIVE);     // before it
        savedKey(owner, server, from.plus(Duration.ofMinutes(5)), KeyStatus.DISABLED);
        savedKey(owner, server, from.plus(Duration.ofMinutes(5)), KeyStatus.PROVISIONING);
        savedKey(owner, server, from.plus(Duration.ofMinutes(5)), KeyStatus.DELETED);
        ports.sentNotifications().claim(THREE_DAYS, Keys.reminderSubject(reminded));
        ports.sentNotifications().claim("reminder-1d", Keys.reminderSubject(remindedOfOtherKind));

        assertThat(ports.keys().expiringWithoutReminder(from, to, THREE_DAYS, 100))
                .containsExactly(atStart, middle, remindedOfOtherKind, late);
        assertThat(ports.keys().expiringWithoutReminder(from, to, THREE_DAYS, 2)).containsExactly(atStart, middle);
        assertThat(ports.keys().expiringWithoutReminder(from, to, "reminder-1d", 100))
                .containsExactly(atStart, reminded, middle, late);
    }

    @Test
    void a_key_drops_out_of_the_reminder_list_once_its_reminder_is_claimed() {
        VpnKey key = savedKey(owner, server, NOW.plus(Duration.ofDays(3)), KeyStatus.ACTIVE);
        Instant from = NOW;
        Instant to = NOW.plus(Duration.ofDays(4));
        assertThat(ports.keys().expiringWithoutReminder(from, to, THREE_DAYS, 10)).containsExactly(key);

        assertThat(ports.sentNotifications().claim(THREE_DAYS, Keys.reminderSubject(key))).isTrue();

        assertThat(ports.keys().expiringWithoutReminder(from, to, THREE_DAYS, 10)).isEmpty();
    }

    @Test
    void a_renewed_key_is_due_for_its_reminders_again_because_they_belong_to_an_expiry() {
        VpnKey key = savedKey(owner, server, NOW.plus(Duration.ofDays(3)), KeyStatus.ACTIVE);
        ports.sentNotifications().claim(THREE_DAYS, Keys.reminderSubject(key));
        VpnKey renewed = key.withExpiry(key.expiresAt().plus(Duration.ofDays(30)));
        ports.keys().save(renewed);

        assertThat(ports.keys().expiringWithoutReminder(NOW, NOW.plus(Duration.ofDays(40)), THREE_DAYS, 10)).containsExactly(renewed);
    }

    @Test
    void a_servers_active_unexpired_keys_come_a_page_at_a_time_in_id_order() {
        Server other = savedServer("Amsterdam");
        VpnKey first = savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);
        savedKey(owner, server, NOW, KeyStatus.ACTIVE);                                // expires right now: left out
        savedKey(owner, server, NOW.minus(Duration.ofDays(1)), KeyStatus.ACTIVE);      // expired
        savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.PROVISIONING); // fulfilment's
        savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.DISABLED);
        savedKey(owner, server, NOW.plus(Duration.ofDays(5)), KeyStatus.DELETED);
        savedKey(owner, other, NOW.plus(Duration.ofDays(5)), KeyStatus.ACTIVE);         // another server
        VpnKey second = savedKey(owner, server, NOW.plusMillis(1), KeyStatus.ACTIVE);
        VpnKey third = savedKey(savedUser(43), server, NOW.plus(Duration.ofDays(90)), KeyStatus.ACTIVE);

        assertThat(ports.keys().activeOn(server.id(), NOW, null, 100)).containsExactly(first, second, third);
        assertThat(ports.keys().activeOn(server.id(), NOW, null, 2)).containsExactly(first, second);
        assertThat(ports.keys().activeOn(server.id(), NOW, second.id(), 2)).containsExactly(third);
        assertThat(ports.keys().activeOn(server.id(), NOW, third.id(), 2)).isEmpty();
        assertThat(ports.keys().activeOn(server.id(), NOW.plus(Duration.ofDays(30)), null, 100)).containsExactly(third);
    }
}
