package dev.vpnbot.application.contract.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.User;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The {@code Servers} contract, for every implementation: credentials come back intact, load is counted. */
public abstract class AbstractServersContractTest extends PersistenceContract {

    protected AbstractServersContractTest(Supplier<Persistence> freshPorts) {
        super(freshPorts);
    }

    protected static final String PIN = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    protected Server passwordServer() {
        return new Server(ports.servers().nextId(), "🇩🇪 Frankfurt",
                new PanelConnection("https://de.example.com:2053/Xq9secret/", new PanelCredentials.Password("admin", "p@ss w0rd", "123456"), PIN),
                3, true, 250, 0);
    }

    protected Server tokenServer() {
        return new Server(ports.servers().nextId(), "🇳🇱 Amsterdam",
                new PanelConnection("http://10.0.0.7:54321/panel/", new PanelCredentials.ApiToken("tok-3f9a8b7c6d5e"), null),
                1, false, 10, 0);
    }

    @Test
    void a_server_with_a_password_comes_back_with_its_credentials_pin_and_settings() {
        Server server = passwordServer();
        ports.servers().save(server);

        assertThat(ports.servers().find(server.id())).contains(server);
    }

    @Test
    void a_server_with_an_api_token_comes_back_as_saved() {
        Server server = tokenServer();
        ports.servers().save(server);

        assertThat(ports.servers().find(server.id())).contains(server);
    }

    @Test
    void all_lists_every_server_by_id_and_unknown_ids_are_not_found() {
        Server first = passwordServer();
        Server second = tokenServer();
        ports.servers().save(second);
        ports.servers().save(first);

        assertThat(ports.servers().all()).containsExactly(first, second);
        assertThat(ports.servers().find(new ServerId(second.id().value() + 1000))).isEmpty();
    }

    @Test
    void saving_again_updates_the_server_and_ignores_the_load_given() {
        Server server = passwordServer();
        ports.servers().save(server);
        Server changed = server.withName("Frankfurt 2").withActive(false).withMaxClients(5).withInboundId(9)
                .withConnection(new PanelConnection("https://de2.example.com/x/", new PanelCredentials.ApiToken("new-token"), null))
                .withLoad(77);
        ports.servers().save(changed);

        assertThat(ports.servers().find(server.id())).contains(changed.withLoad(0));
    }

    @Test
    void the_load_counts_keys_that_are_active_or_being_provisioned_and_not_expired() {
        Server counted = savedServer("Frankfurt");
        Server other = savedServer("Amsterdam");
        User owner = savedUser(42);
        savedKey(owner, counted, NOW.plus(Duration.ofDays(30)), KeyStatus.ACTIVE);
        savedKey(owner, counted, NOW.plus(Duration.ofDays(30)), KeyStatus.PROVISIONING);
        savedKey(owner, counted, NOW.plus(Duration.ofHours(1)), KeyStatus.ACTIVE);
        savedKey(owner, counted, NOW.plus(Duration.ofDays(30)), KeyStatus.DISABLED);
        savedKey(owner, counted, NOW.plus(Duration.ofDays(30)), KeyStatus.DELETED);
        savedKey(owner, counted, NOW, KeyStatus.ACTIVE); // expires this very instant: over
        savedKey(owner, other, NOW.plus(Duration.ofDays(30)), KeyStatus.ACTIVE);

        assertThat(ports.servers().find(counted.id()).orElseThrow().activeKeys()).isEqualTo(3);
        assertThat(ports.servers().all()).extracting(Server::activeKeys).containsExactly(3, 1);

        ports.clock().advance(Duration.ofHours(2));
        assertThat(ports.servers().find(counted.id()).orElseThrow().activeKeys()).isEqualTo(2);
    }

    @Test
    void a_deleted_server_leaves_every_list_while_its_old_keys_stay_on_record() {
        Server server = passwordServer();
        ports.servers().save(server);
        User owner = savedUser(7001);
        VpnKey expired = savedKey(owner, server, NOW.minus(Duration.ofDays(1)), KeyStatus.ACTIVE);

        ports.servers().delete(server.id());

        assertThat(ports.servers().all()).isEmpty();
        assertThat(ports.servers().find(server.id())).isEmpty();
        assertThat(ports.keys().find(expired.id())).contains(expired);
    }
}
