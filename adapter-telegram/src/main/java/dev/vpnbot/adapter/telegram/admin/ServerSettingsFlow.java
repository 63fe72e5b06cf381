package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Conversation;
import dev.vpnbot.adapter.telegram.bot.Conversations;
import dev.vpnbot.adapter.telegram.bot.Html;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.adapter.telegram.outbox.Outbox;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase;
import dev.vpnbot.application.port.in.admin.IssueEnrollmentTokenUseCase.IssuedToken;
import dev.vpnbot.application.port.in.admin.ManageServersUseCase;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerId;
import java.net.URI;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Changing one server (admins): its name, its capacity (max clients) and its panel login. Each
 * asks for one message. A message with a password or token is deleted from the chat as soon as
 * it is read, and the new login is tested by the use case before it replaces the old one.
 * Also the one-message question before a new server exists: its name and capacity, for the
 * one-time token with which its node enrols itself (deploy/node/install.sh).
 */
final class ServerSettingsFlow {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSettingsFlow.class);
    /** A token's capacity when the admin gives only a name: the same default as `server add`. */
    static final int DEFAULT_MAX_CLIENTS = 200;

    private final ManageServersUseCase servers;
    private final IssueEnrollmentTokenUseCase enrollmentTokens;
    private final ServersScreen screen;
    private final Conversations conversations;
    private final Outbox sender;
    /** The bot's PUBLIC_URL for the installer's --bot-url; null when not configured. */
    private final URI publicUrl;

    ServerSettingsFlow(ManageServersUseCase servers, IssueEnrollmentTokenUseCase enrollmentTokens, ServersScreen screen,
                       Conversations conversations, Outbox sender, URI publicUrl) {
        this.publicUrl = publicUrl;
        this.servers = servers;
        this.enrollmentTokens = enrollmentTokens;
        this.screen = screen;
        this.conversations = conversations;
        this.sender = sender;
    }

    void askName(Interaction ix, ServerId id) {
        Server s = screen.find(ix, id);
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_SERVER_RENAME, id.value(), ""));
        ix.show(prompt(ix, id, ix.texts().html("admin.server.ask_name", s.name(), Server.MAX_NAME_LENGTH)));
    }

    void askMaxClients(Interaction ix, ServerId id) {
        Server s = screen.find(ix, id);
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_SERVER_MAX_CLIENTS, id.value(), ""));
        ix.show(prompt(ix, id, ix.texts().html("admin.server.ask_max_clients", s.name(), s.maxClients(), s.activeKeys())));
    }

    void askCredentials(Interaction ix, ServerId id) {
        Server s = screen.find(ix, id);
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_SERVER_CREDENTIALS, id.value(), ""));
        ix.show(prompt(ix, id, credentialsPrompt(ix.texts(), s.name())));
    }

    void askEnrollment(Interaction ix) {
        conversations.set(ix.chatId(), Conversation.admin(Conversation.Step.ADMIN_ENROLL_TOKEN, 0, ""));
        ix.show(enrollmentPrompt(ix, ix.texts().html("admin.enroll.ask", Server.MAX_NAME_LENGTH)));
    }

    /** The admin's message in one of this flow's steps. */
    void received(Interaction ix, Message message, Conversation c) {
        Texts t = ix.texts();
        if (c.step() == Conversation.Step.ADMIN_ENROLL_TOKEN) {
            enrollment(ix, message.hasText() ? message.getText() : null);
            return;
        }
        ServerId id = new ServerId(c.id());
        String text = message.hasText() ? message.getText() : null;
        try {
            switch (c.step()) {
                case ADMIN_SERVER_RENAME -> {
                    Server s = servers.rename(ix.userId(), id, AdminInput.serverName(text));
                    screen.card(ix, id, "✅ " + t.html("admin.server.renamed", s.name()));
                }
                case ADMIN_SERVER_MAX_CLIENTS -> {
                    Server s = servers.setMaxClients(ix.userId(), id, AdminInput.maxClients(text));
                    screen.card(ix, id, "✅ " + t.html("admin.server.max_clients_set", s.maxClients()));
                }
                case ADMIN_SERVER_CREDENTIALS -> {
                    forget(ix, message);
                    PanelCredentials credentials = AdminInput.credentials(text);
                    servers.changeCredentials(ix.userId(), id, credentials);
                    LOG.info("admin {} changed the panel login of server {}", ix.userId(), id);
                    screen.card(ix, id, "✅ " + t.html("admin.server.credentials_changed"));
                }
                default -> throw new IllegalStateException("not a server settings step: " + c.step());
            }
        } catch (AdminInput.Invalid invalid) {
            again(ix, id, c.step(), AdminHome.invalid(t, invalid));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.INVALID_INPUT) throw refusal;
            again(ix, id, c.step(), AdminHome.refusal(t, refusal));
        }
    }

    /** "NAME", "NAME, MAX" or "NAME, MAX, GROUP": a token for that server; shown once, with the installer's command line. */
    private void enrollment(Interaction ix, String text) {
        Texts t = ix.texts();
        try {
            EnrollmentRequest request = EnrollmentRequest.parse(AdminInput.text(text));
            IssuedToken issued = enrollmentTokens.issue(ix.userId(), request.name(), request.maxClients(), request.group());
            conversations.clear(ix.chatId());
            LOG.info("admin {} issued an enrolment token for server \"{}\"", ix.userId(), issued.token().serverName());
            String group = issued.token().group() == null ? "" : t.htmlRaw("admin.enroll.group", Html.escape(issued.token().group()));
            // the real address when the operator configured it; the placeholder, said as such, when not
            String botUrl = publicUrl != null ? publicUrl.toString() : "PUBLIC_URL";
            String note = publicUrl != null ? "" : "\n" + t.html("admin.enroll.no_public_url");
            ix.show(View.of(t.htmlRaw("admin.enroll.issued", Html.escape(issued.token().serverName()), issued.token().maxClients(),
                            t.date(issued.token().expiresAt(), ix.zone()), Html.code(issued.secret()),
                            Html.code("VPNBOT_ENROLL_TOKEN='" + issued.secret() + "' bash install.sh --bot-url " + botUrl), group, note))
                    .row(Button.callback(t.label("admin.servers.back"), CallbackData.of(Action.SERVERS))));
        } catch (AdminInput.Invalid invalid) {
            ix.sendNew(enrollmentPrompt(ix, AdminHome.invalid(t, invalid) + "\n\n" + t.html("admin.enroll.ask", Server.MAX_NAME_LENGTH)));
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.INVALID_INPUT) throw refusal;
            ix.sendNew(enrollmentPrompt(ix, AdminHome.refusal(t, refusal) + "\n\n" + t.html("admin.enroll.ask", Server.MAX_NAME_LENGTH)));
        }
    }

    /**
     * The admin's one message: the number after the name's last comma is the capacity, and text after
     * that number a group (as the CLI's --group); a comma without a number after it belongs to the name.
     */
    record EnrollmentRequest(String name, int maxClients, String group) {
        private static final String NUMBER = "\\d{1,9}";

        static EnrollmentRequest parse(String input) {
            String[] parts = input.split(",", -1);
            int n = parts.length;
            if (n >= 3 && parts[n - 2].strip().matches(NUMBER)) {
                return new EnrollmentRequest(name(parts, n - 2), AdminInput.maxClients(parts[n - 2]), parts[n - 1].strip());
            }
            if (n >= 2 && parts[n - 1].strip().matches(NUMBER)) {
                return new EnrollmentRequest(name(parts, n - 1), AdminInput.maxClients(parts[n - 1]), null);
            }
            return new EnrollmentRequest(AdminInput.serverName(input), DEFAULT_MAX_CLIENTS, null);
        }

        private static String name(String[] parts, int end) {
            return AdminInput.serverName(String.join(",", Arrays.copyOfRange(parts, 0, end)));
        }
    }

    private static View enrollmentPrompt(Interaction ix, String html) {
        return View.of(html).row(AdminHome.cancel(ix.texts(), CallbackData.of(Action.SERVERS)));
    }

    /** The same question again under what was wrong; the step stays open. */
    private void again(Interaction ix, ServerId id, Conversation.Step step, String problemHtml) {
        Texts t = ix.texts();
        Server s = screen.find(ix, id);
        String question = switch (step) {
            case ADMIN_SERVER_RENAME -> t.html("admin.server.ask_name", s.name(), Server.MAX_NAME_LENGTH);
            case ADMIN_SERVER_MAX_CLIENTS -> t.html("admin.server.ask_max_clients", s.name(), s.maxClients(), s.activeKeys());
            default -> credentialsPrompt(t, s.name());
        };
        ix.sendNew(prompt(ix, id, problemHtml + "\n\n" + question));
    }

    /** Deletes the admin's message that carried a secret; the chat keeps no copy of it. */
    private void forget(Interaction ix, Message message) {
        sender.delete(ix.chatId(), message.getMessageId());
    }

    static String credentialsPrompt(Texts t, String serverName) {
        return t.html("admin.server.ask_credentials", serverName) + "\n\n" + t.html("admin.credentials.format");
    }

    private static View prompt(Interaction ix, ServerId id, String html) {
        return View.of(html).row(AdminHome.cancel(ix.texts(), CallbackData.of(Action.SERVER, id.value())));
    }
}
