package dev.vpnbot.adapter.telegram.members;

import dev.vpnbot.adapter.telegram.outbox.OutboxSettings;
import dev.vpnbot.application.port.out.growth.ChannelMembership;
import dev.vpnbot.domain.user.UserId;
import java.time.Duration;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The trial's channel gate asks Telegram (Bot API "getChatMember"; the bot must be an admin of
 * the channel to see its members) at once on the user's own thread: one call, not a message, so
 * the message limits do not apply.
 */
public final class ChannelMembers implements ChannelMembership {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** https://core.telegram.org/bots/api#chatmember: the statuses of somebody in the chat. */
    private static final Set<String> IN = Set.of("creator", "administrator", "member");

    private final TelegramClient client;

    public ChannelMembers(OkHttpClient shared, OutboxSettings settings) {
        this(new OkHttpTelegramClient(shared.newBuilder().callTimeout(CALL_TIMEOUT).build(), settings.botToken(), settings.telegramUrl()));
    }

    ChannelMembers(TelegramClient client) {
        this.client = client;
    }

    @Override
    public boolean isMember(String channel, UserId user) {
        GetChatMember ask = GetChatMember.builder().chatId(channel).userId(user.telegramId()).build();
        ChatMember member;
        try {
            member = client.execute(ask);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram could not tell whether user " + user + " is in " + channel + ": " + e.getMessage(), e);
        }
        if (member instanceof ChatMemberRestricted restricted) return Boolean.TRUE.equals(restricted.getIsMember());
        return IN.contains(member.getStatus());
    }
}
