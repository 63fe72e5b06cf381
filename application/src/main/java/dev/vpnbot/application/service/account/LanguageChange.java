package dev.vpnbot.application.service.account;

import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;

/** Stores the user's chosen language; it then wins over Telegram's language code. */
public final class LanguageChange implements ChangeLanguageUseCase {
    private final Users users;

    public LanguageChange(Users users) {
        this.users = users;
    }

    @Override
    public User changeLanguage(UserId userId, Language language) {
        User user = users.find(userId).orElseThrow(() -> new Refusal(Refusal.Reason.USER_NOT_REGISTERED, "user " + userId))
                .withLanguage(language);
        users.save(user);
        return user;
    }
}
