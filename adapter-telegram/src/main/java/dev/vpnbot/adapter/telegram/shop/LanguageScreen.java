package dev.vpnbot.adapter.telegram.shop;

import dev.vpnbot.adapter.telegram.bot.CallbackData;
import dev.vpnbot.adapter.telegram.bot.CallbackData.Action;
import dev.vpnbot.adapter.telegram.bot.Interaction;
import dev.vpnbot.adapter.telegram.bot.MainMenu;
import dev.vpnbot.adapter.telegram.bot.Texts;
import dev.vpnbot.adapter.telegram.bot.View;
import dev.vpnbot.adapter.telegram.bot.View.Button;
import dev.vpnbot.application.port.in.account.ChangeLanguageUseCase;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import java.time.ZoneId;

/** Language choice: the stored language wins over Telegram's from then on. */
final class LanguageScreen {
    private final ChangeLanguageUseCase changeLanguage;
    private final MainMenu menu;
    private final ZoneId defaultZone;

    LanguageScreen(ChangeLanguageUseCase changeLanguage, MainMenu menu, ZoneId defaultZone) {
        this.changeLanguage = changeLanguage;
        this.menu = menu;
        this.defaultZone = defaultZone;
    }

    void show(Interaction ix) {
        Texts t = ix.texts();
        ix.show(View.of(t.html("language.text"))
                .row(Button.callback("🇷🇺 Русский", CallbackData.of(Action.LANGUAGE_SET, Language.RU)),
                        Button.callback("🇬🇧 English", CallbackData.of(Action.LANGUAGE_SET, Language.EN)))
                .row(MainMenu.back(t)));
    }

    void choose(Interaction ix, Language language) {
        User changed = changeLanguage.changeLanguage(ix.userId(), language);
        Interaction inNewLanguage = ix.as(changed, defaultZone);
        inNewLanguage.toast(inNewLanguage.texts().label("language.changed"));
        menu.show(inNewLanguage);
    }
}
