package dev.vpnbot.bootstrap.journey;

import dev.vpnbot.adapter.telegram.fake.FakeBotApi;
import dev.vpnbot.adapter.telegram.fake.FakeBotApi.Call;

/** A person in their private chat with the bot, over the fake Bot API: each step waits for the bot's answer. */
record Person(FakeBotApi telegram, long id, String name, String language) {
    Call send(String text) {
        int mark = telegram.mark();
        telegram.userSends(id, name, language, text);
        return telegram.awaitContent(mark, id);
    }

    Call press(Call on, String dataPrefix) {
        int mark = telegram.mark();
        telegram.userPresses(id, name, language, on.messageId(), on.data(dataPrefix));
        return telegram.awaitContent(mark, id);
    }

    Call pressLabelled(Call on, String label) {
        int mark = telegram.mark();
        telegram.userPresses(id, name, language, on.messageId(), on.button(label).callbackData());
        return telegram.awaitContent(mark, id);
    }
}
