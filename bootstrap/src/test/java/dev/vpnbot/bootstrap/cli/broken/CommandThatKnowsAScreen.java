package dev.vpnbot.bootstrap.cli.broken;

import dev.vpnbot.adapter.telegram.shop.TelegramUseCases;
import dev.vpnbot.application.service.account.UserLookup;

/** Broken on purpose (ArchitectureTest): a command below an adapter's top package, building a service itself. */
public final class CommandThatKnowsAScreen {
    TelegramUseCases screens;
    UserLookup lookup;
}
