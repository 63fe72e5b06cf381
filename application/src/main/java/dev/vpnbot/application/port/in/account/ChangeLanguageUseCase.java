package dev.vpnbot.application.port.in.account;

import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;

/** Use case: the user switches the bot's language. */
public interface ChangeLanguageUseCase {
    User changeLanguage(UserId userId, Language language);
}
