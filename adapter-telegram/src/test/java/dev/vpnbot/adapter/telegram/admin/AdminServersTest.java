package dev.vpnbot.adapter.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vpnbot.adapter.telegram.BotRig;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Button;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;
import dev.vpnbot.application.model.panel.PanelCertificate;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An admin brings fresh panels into service and looks after servers, entirely from Telegram,
 * against panels behind self-signed TLS (the 3x-ui adapter's answers, in memory).
 */
class AdminServersTest {
    private static final String PANEL = "https://203.0.113.7:2053/Xq9secret/";
    private static final String PASSWORD = "S3cret-pw";

    private BotRig rig;
    private BotRig.TgUser olga;

    @BeforeEach
    void open() {
        rig = BotRig.started();
        olga = rig.user(BotRig.ADMIN, "Olga", "en");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void an_admin_brings_a_fresh_panel_into_service_with_its_certificate_pinned_and_buyers_can_pick_it() {
        PanelCertificate certificate = rig.panels.selfSignedPanelAt(PANEL, PASSWORD);

        Call menu = olga.send("/start");
        Call home = olga.press(menu, "a");
        Call servers = olga.press(home, "as");
        assertThat(servers.text()).contains("Frankfurt").contains("0/100");
        Call askUrl = olga.press(servers, "an");
        assertThat(askUrl.text()).contains("web base path");

        Call askLogin = olga.send("https://203.0.113.7:2053"); // the base path forgotten
        assertThat(askLogin.text()).contains("How do I log in").contains("token");
        Call shown = olga.send("admin\n" + PASSWORD);
        int loginMessage = rig.api.lastMessageIdFrom(BotRig.ADMIN);
        rig.api.awaitAfter(0, Duration.ofSeconds(30), c -> c.method().equals("deletemessage")
                && String.valueOf(loginMessage).equals(c.params().get("message_id")) && c.chatId() == BotRig.ADMIN);
        assertThat(shown.text()).as("what the panel's TLS showed, to be confirmed")
                .contains(PanelReport.fingerprint(certificate.certificateSha256()))
                .contains(PanelReport.fingerprint(certificate.publicKeySha256()))
                .contains("self-signed").contains("not trusted");

        Call wrongPath = olga.press(shown, "anc");
        assertThat(wrongPath.text()).contains("Wrong web base path").contains("404");
        assertThat(rig.panels.probed).last().satisfies(c -> assertThat(c.tlsPin()).isEqualTo(certificate.certificateSha256()));

        Call inbounds = olga.send(PANEL); // the same host and port: the login and the pin are kept
        assertThat(inbounds.text()).contains("The panel answers and accepts the login").contains("v1.x–v2.x").contains("25.9.11")
                .contains("#1 main: vless/tcp/reality, port 443").contains("The certificate is trusted");
        assertThat(inbounds.buttons()).extracting(Button::callbackData).contains("ani:1", "ann");

        Call askName = olga.press(inbounds, "ani:1");
        assertThat(askName.text()).contains("Inbound #1 chosen");
        Call askMax = olga.send("🇵🇱 Warsaw");
        assertThat(askMax.text()).contains("How many keys");
        Call notANumber = olga.send("lots");
        assertThat(notANumber.text()).contains("Send a whole number from 1 to");
        Call card = olga.send("50");

        assertThat(card.text()).contains("Server 🇵🇱 Warsaw added").contains("0/50 keys").contains(PANEL)
                .contains(PanelReport.fingerprint(certificate.certificateSha256()));
        Server added = rig.shop.servers.all().stream().filter(s -> s.name().equals("🇵🇱 Warsaw")).findFirst().orElseThrow();
        assertThat(added.connection()).isEqualTo(new PanelConnection(PANEL, new PanelCredentials.Password("admin", PASSWORD),
                certificate.certificateSha256()));
        assertThat(added.inboundId()).isEqualTo(1);
        assertThat(added.maxClients()).isEqualTo(50);
        assertThat(added.active()).isTrue();
        assertThat(rig.states.find(BotRig.ADMIN)).as("the draft with the password is gone").isEmpty();
        assertThat(rig.api.calls()).as("the password never appears in anything the bot sent")
                .noneMatch(c -> c.params().values().stream().anyMatch(v -> v.contains(PASSWORD)));

        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call offered = ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1");
        assertThat(offered.buttons()).anyMatch(b -> b.text().contains("Warsaw") && ("bs:1:" + added.id()).equals(b.callbackData()));
    }

    @Test
    void a_panel_without_a_fitting_inbound_gets_a_new_reality_inbound_and_a_taken_port_is_explained() {
        String panel = "https://198.51.100.9:8443/base/";
        PanelCertificate certificate = rig.panels.selfSignedPanelAt(panel, "pw2");
        Call servers = olga.send("/servers");
        olga.press(servers, "an");
        olga.send(panel);
        Call shown = olga.send("admin pw2"); // one line works too
        Call inbounds = olga.press(shown, "ank");
        assertThat(inbounds.text()).contains("Pinned").contains(PanelReport.fingerprint(certificate.publicKeySha256()));

        Call askPort = olga.press(inbounds, "ann");
        assertThat(askPort.text()).contains("port and the SNI");
        Call badSni = olga.send("8443 not_a_domain");
        assertThat(badSni.text()).contains("\"not_a_domain\" is not a domain name");
        olga.send("443 www.microsoft.com");
        olga.send("Riga");
        Call refused = olga.send("10");
        assertThat(refused.text()).contains("The panel refused the request").contains("Port already exists: 443")
                .contains("Choose the VLESS inbound");
        assertThat(rig.shop.servers.all()).extracting(Server::name).doesNotContain("Riga");

        olga.press(refused, "ann");
        Call chosen = olga.send("8443 WWW.Microsoft.com");
        assertThat(chosen.text()).contains("port 8443 with SNI www.microsoft.com");
        olga.send("🇱🇻 Riga");
        Call card = olga.send("10");

        assertThat(card.text()).contains("Server 🇱🇻 Riga added on inbound #11");
        Server added = rig.shop.servers.all().stream().filter(s -> s.name().equals("🇱🇻 Riga")).findFirst().orElseThrow();
        assertThat(added.inboundId()).isEqualTo(11);
        assertThat(added.connection().tlsPin()).isEqualTo(certificate.publicKeySha256());
    }

    @Test
    void bad_logins_are_asked_for_again_deleted_each_time_and_nothing_is_stored() {
        rig.panels.selfSignedPanelAt(PANEL, PASSWORD);
        Call servers = olga.send("/servers");
        olga.press(servers, "an");
        olga.send(PANEL);
        Call shown = olga.send("admin\nwrong-one");
        int first = rig.api.lastMessageIdFrom(BotRig.ADMIN);
        Call badLogin = olga.press(shown, "anc");
        assertThat(badLogin.text()).contains("Wrong username, password").contains("How do I log in");

        Call unreadable = olga.send("just-one-word");
        assertThat(unreadable.text()).contains("could not read a login");
        Call tokenRefused = olga.send("token t0k3n-secret");
        int third = rig.api.lastMessageIdFrom(BotRig.ADMIN);
        assertThat(tokenRefused.text()).contains("Wrong username, password");

        Call cancelled = olga.press(tokenRefused, "as");
        assertThat(cancelled.text()).contains("Servers");
        assertThat(rig.states.find(BotRig.ADMIN)).isEmpty();
        assertThat(rig.shop.servers.all()).hasSize(2);
        rig.awaitIdle();
        assertThat(rig.api.calls("deleteMessage")).extracting(c -> Integer.parseInt(c.params().get("message_id")))
                .contains(first, third).hasSize(3);
        assertThat(rig.api.calls()).noneMatch(c -> c.params().values().stream().anyMatch(v -> v.contains("wrong-one") || v.contains("t0k3n-secret")));
    }

    @Test
    void a_server_is_tested_switched_off_renamed_resized_and_given_a_new_login_that_is_tested_first() {
        String panel = "http://192.0.2.10:2053/path/";
        rig.panels.plainPanelAt(panel, "pw");
        rig.shop.servers.save(new Server(new ServerId(3), "Helsinki", new PanelConnection(panel, new PanelCredentials.Password("admin", "pw"), null),
                1, true, 2, 0));
        Call card = olga.press(olga.send("/servers"), "asv:3");
        assertThat(card.text()).contains("Helsinki").contains("username <b>admin</b> and password").contains("none (system CAs)")
                .doesNotContain(">pw<");

        Call test = olga.press(card, "ast:3");
        assertThat(test.text()).contains("The panel answers and accepts the login").contains("plain http").contains("#1 main");

        Call off = olga.press(test, "asv:3");
        off = olga.press(off, "asa:3:0");
        assertThat(off.text()).contains("switched off");
        assertThat(rig.shop.catalogue.serversForPurchase()).extracting(Server::name).doesNotContain("Helsinki");
        olga.press(off, "asa:3:1");

        olga.press(off, "asr:3");
        Call renamed = olga.send("Helsinki 2");
        assertThat(renamed.text()).contains("Renamed to Helsinki 2.");

        olga.press(renamed, "asm:3");
        assertThat(olga.send("0").text()).contains("from 1 to");
        assertThat(olga.send("5").text()).contains("Max clients: 5.");

        Call askLogin = olga.press(renamed, "asc:3");
        assertThat(askLogin.text()).contains("tested before it replaces the old one");
        Call refused = olga.send("token not-accepted-here");
        assertThat(refused.text()).contains("Wrong username, password");
        assertThat(rig.shop.servers.find(new ServerId(3)).orElseThrow().connection().credentials())
                .isEqualTo(new PanelCredentials.Password("admin", "pw"));

        rig.panels.plainPanelAt(panel, "n3w-pw"); // the operator changed the panel's password
        Call changed = olga.send("admin\nn3w-pw");
        assertThat(changed.text()).contains("The new login works and is saved.");
        Server after = rig.shop.servers.find(new ServerId(3)).orElseThrow();
        assertThat(after.connection().credentials()).isEqualTo(new PanelCredentials.Password("admin", "n3w-pw"));
        assertThat(after).extracting(Server::name, Server::maxClients, Server::active).containsExactly("Helsinki 2", 5, true);
        rig.awaitIdle();
        assertThat(rig.api.calls("deleteMessage")).hasSize(2);
        assertThat(rig.api.calls()).noneMatch(c -> c.params().values().stream().anyMatch(v -> v.contains("n3w-pw")));
    }

    @Test
    void a_server_with_active_keys_is_not_deleted_and_the_admin_is_told_why_one_without_keys_is() {
        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call summary = ivan.press(ivan.press(ivan.press(ivan.send("/start"), "b"), "bt:1"), "bs:1:1");
        rig.payAndDeliver(Long.parseLong(summary.data("oc:").substring(3)));

        Call servers = olga.send("/servers");
        assertThat(servers.text()).contains("Frankfurt</b> — 1/100 keys");
        Call ask = olga.press(olga.press(servers, "asv:1"), "asd:1");
        assertThat(ask.text()).contains("Active keys on it: 1");
        Call refused = olga.press(ask, "asx:1");
        assertThat(refused.text()).contains("still has 1 active keys and cannot be deleted").contains("Deactivate");
        assertThat(rig.shop.servers.find(new ServerId(1))).isPresent();

        Call deleted = olga.press(olga.pressData(refused.messageId(), "asd:2"), "asx:2");
        assertThat(deleted.text()).contains("Servers").doesNotContain("Amsterdam");
        assertThat(rig.shop.servers.all()).extracting(Server::name).containsExactly("🇩🇪 Frankfurt");
    }

    @Test
    void no_password_or_token_reaches_the_logs() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            rig.panels.selfSignedPanelAt(PANEL, PASSWORD);
            olga.press(olga.send("/servers"), "an");
            olga.send(PANEL);
            Call shown = olga.send("admin\nfirst-Wrong-pw");
            olga.press(shown, "anc");
            olga.send("token Tok-123-secret");
            Call inbounds = olga.send("admin\n" + PASSWORD);
            olga.press(inbounds, "ani:1");
            olga.send("Warsaw");
            Call card = olga.send("50");
            olga.press(card, "asc:");
            olga.send("token Another-Tok-456");
            rig.awaitIdle();
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty().allSatisfy(e -> {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain(PASSWORD).doesNotContain("first-Wrong-pw").doesNotContain("Tok-123-secret")
                    .doesNotContain("Another-Tok-456");
        });
    }

    @Test
    void every_admin_button_fits_telegrams_64_bytes_and_reads_back() {
        rig.panels.selfSignedPanelAt(PANEL, PASSWORD);
        Call servers = olga.send("/servers");
        olga.press(servers, "an");
        olga.send(PANEL);
        olga.press(olga.send("admin " + PASSWORD), "anc");
        olga.press(olga.send("/tariffs"), "afv:1");
        olga.press(olga.send("/stats"), "aq");
        olga.press(olga.send("/broadcast"), "aba:active");
        List<Button> buttons = rig.api.calls().stream().flatMap(c -> c.buttons().stream()).toList();
        assertThat(buttons).extracting(Button::callbackData).filteredOn(d -> d != null && d.startsWith("a")).hasSizeGreaterThan(15)
                .allSatisfy(d -> assertThat(CallbackData.parse(d)).as(d).isPresent());
    }

    @Test
    void an_admin_issues_an_enrolment_token_for_a_new_server_shown_once_and_stored_as_its_hash_only() {
        Call servers = olga.send("/servers");
        Call ask = olga.press(servers, "ae");
        assertThat(ask.text()).contains("enrol itself").contains("Amsterdam, 200");

        Call tooLong = olga.send("x".repeat(Server.MAX_NAME_LENGTH + 1) + ", 10");
        assertThat(tooLong.text()).contains("enrol itself");
        Call issued = olga.send("🇳🇱 Amsterdam 2, 150");

        java.util.regex.Matcher found = java.util.regex.Pattern.compile("vpnbot-enroll-[A-Za-z0-9_-]{43}").matcher(issued.text());
        assertThat(found.find()).as(issued.text()).isTrue();
        String secret = found.group();
        assertThat(issued.text()).contains("🇳🇱 Amsterdam 2").contains("150").contains("VPNBOT_ENROLL_TOKEN='" + secret + "' bash install.sh");
        String hash = java.util.HexFormat.of().formatHex(sha256(secret));
        assertThat(rig.enrollmentTokens.find(hash)).hasValueSatisfying(token -> {
            assertThat(token.serverName()).isEqualTo("🇳🇱 Amsterdam 2");
            assertThat(token.maxClients()).isEqualTo(150);
            assertThat(token.usedAt()).isNull();
        });
        assertThat(rig.states.find(BotRig.ADMIN)).isEmpty();

        BotRig.TgUser ivan = rig.user(1001, "Ivan", "en");
        Call refused = ivan.send("/servers");
        assertThat(refused.text()).doesNotContain("enrol");
    }

    @Test
    void an_enrolment_token_takes_an_optional_group_and_the_installer_line_carries_the_bots_public_url() {
        olga.press(olga.send("/servers"), "ae");
        Call issued = olga.send("🇩🇪 Frankfurt 2, 120, eu-west");

        String secret = enrolmentSecret(issued);
        assertThat(issued.text()).contains("group <b>eu-west</b>")
                .contains("VPNBOT_ENROLL_TOKEN='" + secret + "' bash install.sh --bot-url " + BotRig.PUBLIC_URL)
                .doesNotContain("not configured");
        assertThat(rig.enrollmentTokens.find(java.util.HexFormat.of().formatHex(sha256(secret)))).hasValueSatisfying(token -> {
            assertThat(token.serverName()).isEqualTo("🇩🇪 Frankfurt 2");
            assertThat(token.maxClients()).isEqualTo(120);
            assertThat(token.group()).isEqualTo("eu-west");
        });
    }

    @Test
    void without_a_public_url_the_installer_line_has_a_placeholder_said_as_such_and_a_comma_without_a_number_stays_in_the_name() {
        rig.close();
        rig = BotRig.started(b -> b.publicUrl((String) null));
        olga = rig.user(BotRig.ADMIN, "Olga", "en");
        olga.press(olga.send("/servers"), "ae");
        Call issued = olga.send("Amsterdam, NL");

        String secret = enrolmentSecret(issued);
        assertThat(issued.text()).contains("bash install.sh --bot-url PUBLIC_URL").contains("PUBLIC_URL is not configured")
                .doesNotContain("group");
        assertThat(rig.enrollmentTokens.find(java.util.HexFormat.of().formatHex(sha256(secret)))).hasValueSatisfying(token -> {
            assertThat(token.serverName()).isEqualTo("Amsterdam, NL");
            assertThat(token.maxClients()).isEqualTo(ServerSettingsFlow.DEFAULT_MAX_CLIENTS);
            assertThat(token.group()).isNull();
        });
    }

    @Test
    void an_enrolment_group_longer_than_tokens_allow_is_asked_again_and_no_token_is_issued() {
        olga.press(olga.send("/servers"), "ae");
        Call refused = olga.send("Oslo, 10, " + "g".repeat(dev.vpnbot.domain.server.EnrollmentToken.MAX_GROUP_LENGTH + 1));

        assertThat(refused.text()).contains("enrol itself").contains("64").doesNotContain("vpnbot-enroll-");
    }

    private static String enrolmentSecret(Call issued) {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("vpnbot-enroll-[A-Za-z0-9_-]{43}").matcher(issued.text());
        assertThat(found.find()).as(issued.text()).isTrue();
        return found.group();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
