package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.domain.server.PanelCredentials;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The server being added survives between messages as conversation state, secrets included, and never shows them. */
class ServerDraftTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ServerDraft.Vault vault = new ServerDraft.Vault(clock);

    @Test
    void a_draft_reads_back_exactly_whatever_characters_its_fields_hold() {
        ServerDraft draft = ServerDraft.start().withUrl("https://203.0.113.7:2053/Xq9secret/")
                .withCredentials(new PanelCredentials.Password("admin", "p&ss=w:rd%20 ü\n", "123456"))
                .withCertificate("aa".repeat(32), "bb".repeat(32)).withPin("aa".repeat(32))
                .withNewInbound(8443, "www.microsoft.com").withName("🇩🇪 Frankfurt & Co").at(ServerDraft.Stage.MAX_CLIENTS);

        String encoded = draft.encode(vault);

        assertThat(ServerDraft.decode(encoded, vault)).contains(draft);
        assertThat(Conversation.decode(Conversation.admin(Conversation.Step.ADMIN_ADD_SERVER, 0, encoded).encode()))
                .hasValueSatisfying(c -> assertThat(ServerDraft.decode(c.choice(), vault)).contains(draft));
    }

    @Test
    void an_api_token_and_an_empty_draft_read_back_too() {
        ServerDraft token = ServerDraft.start().withUrl("http://192.0.2.1:2053/p/").withCredentials(new PanelCredentials.ApiToken("t0k"))
                .withInbound(7).at(ServerDraft.Stage.NAME);
        assertThat(ServerDraft.decode(token.encode(vault), vault)).contains(token);
        assertThat(ServerDraft.decode(ServerDraft.start().encode(vault), vault)).contains(ServerDraft.start());
    }

    @Test
    void unreadable_drafts_read_as_nothing() {
        for (String stored : new String[] {"", "s=flying", "garbage", "s=name&ib=x"}) {
            assertThat(ServerDraft.decode(stored, vault)).as(stored).isEmpty();
        }
    }

    @Test
    void the_stored_draft_never_holds_the_panel_password_or_token_in_clear() {
        ServerDraft draft = ServerDraft.start().withUrl("https://203.0.113.7:2053/p/")
                .withCredentials(new PanelCredentials.Password("admin", "hunter2-password", "424242")).at(ServerDraft.Stage.INBOUND);
        ServerDraft token = draft.withCredentials(new PanelCredentials.ApiToken("tok-secret-value"));

        assertThat(draft.encode(vault)).doesNotContain("hunter2").doesNotContain("424242").doesNotContain("admin");
        assertThat(token.encode(vault)).doesNotContain("tok-secret");
        // a draft stored in clear by an older version is not believed: the login is asked for again
        assertThat(ServerDraft.decode("s=inbound&u=https%3A%2F%2Fh%2Fp%2F&cu=admin&cp=old", vault))
                .hasValueSatisfying(d -> assertThat(d.credentials()).isNull());
    }

    @Test
    void drafts_expire_after_the_vault_lifetime_or_a_restart_and_then_ask_for_the_login_again() {
        ServerDraft draft = ServerDraft.start().withUrl("https://203.0.113.7:2053/p/")
                .withCredentials(new PanelCredentials.Password("admin", "hunter2", null)).withInbound(3).at(ServerDraft.Stage.NAME);
        String stored = draft.encode(vault);

        clock.advance(ServerDraft.Vault.LIFETIME.minusSeconds(1));
        assertThat(ServerDraft.decode(stored, vault)).contains(draft);
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(ServerDraft.decode(stored, vault)).hasValueSatisfying(d -> {
            assertThat(d.credentials()).isNull();
            assertThat(d.stage()).isEqualTo(ServerDraft.Stage.CREDENTIALS);
            assertThat(d.url()).isEqualTo("https://203.0.113.7:2053/p/");
        });
        assertThat(ServerDraft.decode(stored, new ServerDraft.Vault(clock))).hasValueSatisfying(d -> assertThat(d.credentials()).isNull());
    }

    @Test
    void the_secrets_never_appear_in_its_description() {
        ServerDraft draft = ServerDraft.start().withCredentials(new PanelCredentials.Password("admin", "hunter2", "424242"));
        assertThat(draft.toString()).doesNotContain("hunter2").doesNotContain("424242").contains("admin");
        assertThat(ServerDraft.start().withCredentials(new PanelCredentials.ApiToken("tok-secret")).toString()).doesNotContain("tok-secret");
    }

    @Test
    void a_new_certificate_drops_the_pin_confirmed_for_the_old_one() {
        ServerDraft pinned = ServerDraft.start().withCertificate("aa".repeat(32), "bb".repeat(32)).withPin("aa".repeat(32));
        assertThat(pinned.withCertificate("cc".repeat(32), "dd".repeat(32)).pin()).isNull();
    }
}
