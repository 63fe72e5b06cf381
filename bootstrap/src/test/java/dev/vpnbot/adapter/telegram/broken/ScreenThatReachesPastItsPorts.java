package dev.vpnbot.adapter.telegram.broken;

import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.service.account.UserLookup;

/** Broken on purpose (ArchitectureTest): a screen reading the user store and holding a service instead of its in-port. */
public final class ScreenThatReachesPastItsPorts {
    Users users;
    UserLookup lookup;
}
