package dev.vpnbot.domain.server;

import java.util.Objects;

/** How the bot signs in to a 3x-ui panel. Secrets never appear in {@code toString()}. */
public sealed interface PanelCredentials {

    /** Form login with username and password (plus a two-factor code where the panel asks for one). */
    record Password(String username, String password, String twoFactorCode) implements PanelCredentials {
        public Password {
            requireText(username, "username");
            requireText(password, "password");
            twoFactorCode = twoFactorCode == null || twoFactorCode.isBlank() ? null : twoFactorCode.trim();
        }

        public Password(String username, String password) {
            this(username, password, null);
        }

        @Override
        public String toString() {
            return "Password[username=" + username + ", password=***" + (twoFactorCode == null ? "" : ", 2fa=***") + "]";
        }
    }

    /** API token sent as {@code Authorization: Bearer} (3x-ui v3.0 and later). */
    record ApiToken(String token) implements PanelCredentials {
        public ApiToken {
            requireText(token, "token");
        }

        @Override
        public String toString() {
            return "ApiToken[***]";
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
    }
}
