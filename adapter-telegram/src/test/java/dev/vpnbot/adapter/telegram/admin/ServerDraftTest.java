package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.domain.server.PanelCredentials;
import org.junit.jupiter.api.Test;

/** The server being added survives between messages as conversation state, secrets included, and never shows them. */
class ServerDraftTest {

    @Test
    void a_draft_reads_back_exactly_whatever_characters_its_fields_hold() {
        ServerDraft draft = ServerDraft.start().withUrl("https://203.0.113.7:2053/Xq9secret/")
                .withCredentials(new PanelCredentials.Password("admin", "p&ss=w:rd%20 ü\n", "123456"))
                .withCertificate("aa".repeat(32), "bb".repeat(32)).withPin("aa".repeat(32))
                .withNewInbound(8443, "www.microsoft.com").withName("🇩🇪 Frankfurt & Co").at(ServerDraft.Stage.MAX_CLIENTS);

        String encoded = draft.encode();

        assertThat(ServerDraft.decode(encoded)).contains(draft);
        assertThat(Conversation.decode(Conversation.admin(Conversation.Step.ADMIN_ADD_SERVER, 0, encoded).encode()))
                .hasValueSatisfying(c -> assertThat(ServerDraft.decode(c.choice())).contains(draft));
    }

    @Test
    void an_api_token_and_an_empty_draft_read_back_too() {
        ServerDraft token = ServerDraft.start().withUrl("http://192.0.2.1:2053/p/").withCredentials(new PanelCredentials.ApiToken("t0k"))
                .withInbound(7).at(ServerDraft.Stage.NAME);
        assertThat(ServerDraft.decode(token.encode())).contains(token);
        assertThat(ServerDraft.decode(ServerDraft.start().encode())).contains(ServerDraft.start());
    }

    @Test
    void unreadable_drafts_read_as_nothing() {
        for (String stored : new String[] {"", "s=flying", "garbage", "s=name&ib=x", "s=name&cu=admin"}) {
            assertThat(ServerDraft.decode(stored)).as(stored).isEmpty();
        }
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
