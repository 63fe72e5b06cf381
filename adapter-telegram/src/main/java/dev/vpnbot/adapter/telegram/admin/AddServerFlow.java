package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.admin.ServerDraft.Stage;
import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase.AddServerCommand;
import dev.vpnbot.application.model.panel.PanelCertificate;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.model.panel.PanelInbound;
import dev.vpnbot.application.model.panel.PanelProbe;
import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.PanelAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Adding a server (admins), as a conversation: the panel URL with its web base path → the login
 * (username and password, optionally a two-factor code, or an API token; the message is deleted
 * at once) → the bot tests the connection and shows what it found, with the TLS certificate's
 * SHA-256 → the admin confirms the fingerprint, which is then pinned → an existing VLESS inbound,
 * or a new VLESS Reality inbound (port, SNI) → name → max clients → stored by the use case,
 * which tests the panel once more. A failed test names its cause and asks again for what can
 * fix it: the URL for a wrong base path, the login for bad credentials.
 */
final class AddServerFlow {
    private static final Logger LOG = LoggerFactory.getLogger(AddServerFlow.class);
    private static final int MAX_INBOUND_BUTTONS = 20;

    private final ManageServersUseCase servers;
    private final ServersScreen screen;
    private final Conversations conversations;
    private final Outbox sender;
    /** The drafts' logins, in memory only: the conversation state in the database holds a reference. */
    private final ServerDraft.Vault vault = new ServerDraft.Vault(java.time.Clock.systemUTC());

    AddServerFlow(ManageServersUseCase servers, ServersScreen screen, Conversations conversations, Outbox sender) {
        this.servers = servers;
        this.screen = screen;
        this.conversations = conversations;
        this.sender = sender;
    }

    void start(Interaction ix) {
        Texts t = ix.texts();
        save(ix, ServerDraft.start());
        ix.show(ask(t, t.html("admin.add.title") + "\n\n" + question(t, ServerDraft.start())));
    }

    /** The admin's message while a server is being added. */
    void received(Interaction ix, Message message, Conversation c) {
        Optional<ServerDraft> found = ServerDraft.decode(c.choice(), vault);
        if (found.isEmpty()) {
            lost(ix);
            return;
        }
        ServerDraft draft = found.get();
        Texts t = ix.texts();
        String text = message.hasText() ? message.getText() : null;
        try {
            switch (draft.stage()) {
                case URL -> {
                    String url = AdminInput.panelUrl(text);
                    ServerDraft next = draft.withUrl(url);
                    // a certificate belongs to a host and port: one confirmed for another address does not count
                    if (!sameOrigin(draft.url(), url)) next = next.withCertificate(null, null);
                    if (next.canConnect()) {
                        probe(ix, next, null); // the login from the attempt before still stands
                    } else {
                        next = next.at(Stage.CREDENTIALS);
                        save(ix, next);
                        String warning = PanelAddress.plainHttpWarning(url).map(w -> t.html("admin.add.plain_http") + "\n\n").orElse("");
                        ix.show(ask(t, warning + question(t, next)));
                    }
                }
                case CREDENTIALS -> {
                    forget(ix, message);
                    probe(ix, draft.withCredentials(AdminInput.credentials(text)), null);
                }
                case NEW_INBOUND -> {
                    RealityInboundRequest inbound = AdminInput.realityInbound(text, "vpnbot");
                    ServerDraft next = draft.withNewInbound(inbound.port(), inbound.serverName()).at(Stage.NAME);
                    save(ix, next);
                    ix.show(ask(t, t.html("admin.add.new_inbound_chosen", inbound.port(), inbound.serverName()) + "\n\n" + question(t, next)));
                }
                case NAME -> {
                    ServerDraft next = draft.withName(AdminInput.serverName(text)).at(Stage.MAX_CLIENTS);
                    save(ix, next);
                    ix.show(ask(t, question(t, next)));
                }
                case MAX_CLIENTS -> add(ix, draft, AdminInput.maxClients(text));
                case FINGERPRINT, INBOUND -> ix.sendNew(ask(t, question(t, draft)));
            }
        } catch (AdminInput.Invalid invalid) {
            ix.sendNew(ask(t, AdminHome.invalid(t, invalid) + "\n\n" + question(t, draft)));
        }
    }

    /** "The fingerprint matches": pins the certificate's (or its public key's) SHA-256 and tests again with the pin. */
    void pin(Interaction ix, boolean publicKey) {
        Optional<ServerDraft> draft = current(ix);
        if (draft.isEmpty()) {
            lost(ix);
            return;
        }
        String fingerprint = publicKey ? draft.get().publicKeySha256() : draft.get().certificateSha256();
        if (draft.get().stage() != Stage.FINGERPRINT || fingerprint == null) {
            stale(ix, draft.get());
            return;
        }
        LOG.info("admin {} confirmed TLS fingerprint {} of a new panel", ix.userId(), fingerprint);
        probe(ix, draft.get().withPin(fingerprint), "📌 " + ix.texts().html("admin.add.pinned", PanelReport.fingerprint(fingerprint)));
    }

    /** Tests again with what the draft has (after the panel was fixed, say). */
    void retry(Interaction ix) {
        Optional<ServerDraft> draft = current(ix);
        if (draft.isEmpty()) {
            lost(ix);
            return;
        }
        if (!draft.get().canConnect()) {
            stale(ix, draft.get());
            return;
        }
        probe(ix, draft.get(), null);
    }

    void inbound(Interaction ix, int inboundId) {
        Optional<ServerDraft> draft = current(ix);
        if (draft.isEmpty()) {
            lost(ix);
            return;
        }
        if (draft.get().stage() != Stage.INBOUND) {
            stale(ix, draft.get());
            return;
        }
        Texts t = ix.texts();
        ServerDraft next = draft.get().withInbound(inboundId).at(Stage.NAME);
        save(ix, next);
        ix.show(ask(t, t.html("admin.add.inbound_chosen", inboundId) + "\n\n" + question(t, next)));
    }

    void newInbound(Interaction ix) {
        Optional<ServerDraft> draft = current(ix);
        if (draft.isEmpty()) {
            lost(ix);
            return;
        }
        if (draft.get().stage() != Stage.INBOUND) {
            stale(ix, draft.get());
            return;
        }
        ServerDraft next = draft.get().at(Stage.NEW_INBOUND);
        save(ix, next);
        ix.show(ask(ix.texts(), question(ix.texts(), next)));
    }

    // ---- steps ---------------------------------------------------------------------------------

    private void probe(Interaction ix, ServerDraft draft, String noteHtml) {
        PanelProbe probe = servers.testConnection(ix.userId(), draft.connection());
        after(ix, draft, probe, noteHtml);
    }

    /** Decides the next step from what the test found, and shows the report with it. */
    private void after(Interaction ix, ServerDraft draft, PanelProbe probe, String noteHtml) {
        Texts t = ix.texts();
        String report = (noteHtml == null ? "" : noteHtml + "\n\n") + PanelReport.html(t, probe, draft.url(), ix.zone());
        PanelFault kind = probe.problem() == null ? null : probe.problem().kind();
        PanelCertificate certificate = probe.certificate();
        boolean confirmCertificate = certificate != null
                && ((kind == null && draft.pin() == null) || kind == PanelFault.TLS_UNTRUSTED || kind == PanelFault.TLS_PIN_MISMATCH);
        if (confirmCertificate) {
            ServerDraft next = draft.withCertificate(certificate.certificateSha256(), certificate.publicKeySha256()).at(Stage.FINGERPRINT);
            save(ix, next);
            ix.show(View.of(report + "\n\n" + t.html("admin.add.confirm_fingerprint"))
                    .row(Button.callback(t.label("admin.add.pin_certificate"), CallbackData.of(Action.SERVER_ADD_PIN_CERTIFICATE)))
                    .row(Button.callback(t.label("admin.add.pin_public_key"), CallbackData.of(Action.SERVER_ADD_PIN_PUBLIC_KEY)))
                    .row(cancel(t)));
            return;
        }
        if (kind == null) {
            save(ix, draft.at(Stage.INBOUND));
            ix.show(inboundChoice(t, report, probe));
            return;
        }
        if (kind == PanelFault.BAD_CREDENTIALS) {
            ServerDraft next = draft.withCredentials(null).at(Stage.CREDENTIALS);
            save(ix, next);
            ix.show(ask(t, report + "\n\n" + question(t, next)));
            return;
        }
        // wrong base path, unsupported version, unreachable…: a corrected URL or a later retry fixes these
        save(ix, draft.at(Stage.URL));
        ix.show(View.of(report + "\n\n" + t.html("admin.add.fix_url_or_retry"))
                .row(Button.callback(t.label("admin.add.retry"), CallbackData.of(Action.SERVER_ADD_RETRY)))
                .row(cancel(t)));
    }

    private View inboundChoice(Texts t, String report, PanelProbe probe) {
        View view = View.of(report + "\n\n" + t.html("admin.add.choose_inbound"));
        int shown = 0;
        for (PanelInbound inbound : probe.inbounds()) {
            if (!inbound.isVless() || inbound.id() <= 0 || shown++ >= MAX_INBOUND_BUTTONS) continue;
            view.row(Button.callback(t.label("admin.add.inbound_button", inbound.id(), inbound.remark(),
                            inbound.network().isEmpty() ? "—" : inbound.network(), inbound.security(), inbound.port()),
                    CallbackData.of(Action.SERVER_ADD_INBOUND, inbound.id())));
        }
        return view.row(Button.callback(t.label("admin.add.new_inbound"), CallbackData.of(Action.SERVER_ADD_NEW_INBOUND)))
                .row(cancel(t));
    }

    private void add(Interaction ix, ServerDraft draft, int maxClients) {
        Texts t = ix.texts();
        if (draft.inboundId() == null && draft.newInboundPort() == null) {
            probe(ix, draft.at(Stage.INBOUND), null); // no inbound chosen (an old state): choose it now
            return;
        }
        RealityInboundRequest create = draft.inboundId() != null ? null
                : new RealityInboundRequest(draft.newInboundPort(), draft.name(), draft.newInboundSni());
        Server server;
        try {
            server = servers.addServer(new AddServerCommand(ix.userId(), draft.name(), draft.connection(), draft.inboundId(), create, maxClients));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.INVALID_INPUT) throw refusal;
            // a taken port or a vanished inbound is fixed at the inbound choice: back there, with the cause on top
            probe(ix, draft, AdminHome.refusal(t, refusal));
            return;
        }
        LOG.info("admin {} added server {} ({}) on inbound {}", ix.userId(), server.id(), server.name(), server.inboundId());
        screen.card(ix, server.id(), "✅ " + t.html("admin.add.done", server.name(), server.inboundId()));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String question(Texts t, ServerDraft draft) {
        return switch (draft.stage()) {
            case URL -> t.html("admin.add.ask_url");
            case CREDENTIALS -> t.html("admin.add.ask_credentials") + "\n\n" + t.html("admin.credentials.format");
            case FINGERPRINT, INBOUND -> t.html("admin.add.use_buttons");
            case NEW_INBOUND -> t.html("admin.add.ask_new_inbound");
            case NAME -> t.html("admin.add.ask_name", Server.MAX_NAME_LENGTH);
            case MAX_CLIENTS -> t.html("admin.add.ask_max_clients", draft.name());
        };
    }

    private static boolean sameOrigin(String before, String after) {
        if (before == null) return false;
        java.net.URI a = java.net.URI.create(before);
        java.net.URI b = java.net.URI.create(after);
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private Optional<ServerDraft> current(Interaction ix) {
        return conversations.of(ix.chatId()).filter(c -> c.step() == Conversation.Step.ADMIN_ADD_SERVER)
                .flatMap(c -> ServerDraft.decode(c.choice(), vault));
    }

    private void save(Interaction ix, ServerDraft draft) {
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_ADD_SERVER, 0, draft.encode(vault)));
    }

    /** A button from an earlier step: the current question again. */
    private void stale(Interaction ix, ServerDraft draft) {
        Texts t = ix.texts();
        ix.toast(t.label("admin.add.stale"));
        ix.sendNew(ask(t, question(t, draft)));
    }

    private void lost(Interaction ix) {
        Texts t = ix.texts();
        conversations.clear(ix.chatId());
        ix.show(View.of(t.html("admin.add.lost"))
                .row(Button.callback(t.label("admin.servers.add"), CallbackData.of(Action.SERVER_ADD)))
                .row(Button.callback(t.label("admin.servers.back"), CallbackData.of(Action.SERVERS))));
    }

    /** Deletes the admin's message with the password or token: the chat keeps no copy of it. */
    private void forget(Interaction ix, Message message) {
        sender.delete(ix.chatId(), message.getMessageId());
    }

    private static View ask(Texts t, String html) {
        return View.of(html).row(cancel(t));
    }

    private static Button cancel(Texts t) {
        return AdminHome.cancel(t, CallbackData.of(Action.SERVERS));
    }
}
