package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server being added from Telegram, kept in the admin's conversation state between messages:
 * what has been entered so far and which step comes next. The credentials never go into that
 * state (it is a database row): it holds only a random reference into the {@link Vault}, which
 * keeps them in this process's memory for {@link Vault#LIFETIME}. After a restart, or once that
 * time is up, the draft goes back to asking for the login. They never appear in a message or a
 * log either ({@code toString} hides them).
 *
 * @param certificateSha256 the certificate fingerprint the admin was shown, or null
 * @param publicKeySha256   the public key fingerprint the admin was shown, or null
 * @param pin               the fingerprint the admin confirmed, or null
 * @param inboundId         the existing inbound chosen, or null
 * @param newInboundPort    the port of the Reality inbound to create, or null
 */
record ServerDraft(Stage stage, String url, PanelCredentials credentials, String certificateSha256, String publicKeySha256,
                   String pin, Integer inboundId, Integer newInboundPort, String newInboundSni, String name) {

    /** What the flow waits for. */
    enum Stage { URL, CREDENTIALS, FINGERPRINT, INBOUND, NEW_INBOUND, NAME, MAX_CLIENTS }

    ServerDraft {
        Objects.requireNonNull(stage, "stage");
    }

    static ServerDraft start() {
        return new ServerDraft(Stage.URL, null, null, null, null, null, null, null, null, null);
    }

    ServerDraft at(Stage next) {
        return new ServerDraft(next, url, credentials, certificateSha256, publicKeySha256, pin, inboundId, newInboundPort, newInboundSni, name);
    }

    ServerDraft withUrl(String newUrl) {
        return new ServerDraft(stage, newUrl, credentials, certificateSha256, publicKeySha256, pin, inboundId, newInboundPort, newInboundSni, name);
    }

    ServerDraft withCredentials(PanelCredentials newCredentials) {
        return new ServerDraft(stage, url, newCredentials, certificateSha256, publicKeySha256, pin, inboundId, newInboundPort, newInboundSni, name);
    }

    /** The certificate just seen; any earlier pin is dropped, since it is this one that must be confirmed. */
    ServerDraft withCertificate(String certificate, String publicKey) {
        return new ServerDraft(stage, url, credentials, certificate, publicKey, null, inboundId, newInboundPort, newInboundSni, name);
    }

    ServerDraft withPin(String newPin) {
        return new ServerDraft(stage, url, credentials, certificateSha256, publicKeySha256, newPin, inboundId, newInboundPort, newInboundSni, name);
    }

    ServerDraft withInbound(int id) {
        return new ServerDraft(stage, url, credentials, certificateSha256, publicKeySha256, pin, id, null, null, name);
    }

    ServerDraft withNewInbound(int port, String sni) {
        return new ServerDraft(stage, url, credentials, certificateSha256, publicKeySha256, pin, null, port, sni, name);
    }

    ServerDraft withName(String newName) {
        return new ServerDraft(stage, url, credentials, certificateSha256, publicKeySha256, pin, inboundId, newInboundPort, newInboundSni, newName);
    }

    boolean canConnect() {
        return url != null && credentials != null;
    }

    PanelConnection connection() {
        return new PanelConnection(url, credentials, pin);
    }

    /** Where the credentials of drafts wait: memory only, each for a limited time. */
    static final class Vault {
        static final Duration LIFETIME = Duration.ofMinutes(30);
        private static final SecureRandom RANDOM = new SecureRandom();

        private record Kept(PanelCredentials credentials, Instant until) {}

        private final Map<String, Kept> kept = new ConcurrentHashMap<>();
        private final Clock clock;

        Vault(Clock clock) {
            this.clock = clock;
        }

        String keep(PanelCredentials credentials) {
            Instant now = clock.instant();
            kept.values().removeIf(k -> !k.until().isAfter(now));
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            String reference = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            kept.put(reference, new Kept(credentials, now.plus(LIFETIME)));
            return reference;
        }

        Optional<PanelCredentials> find(String reference) {
            return Optional.ofNullable(kept.get(reference)).filter(k -> k.until().isAfter(clock.instant())).map(Kept::credentials);
        }
    }

    String encode(Vault vault) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("s", stage.name().toLowerCase(Locale.ROOT));
        put(fields, "u", url);
        if (credentials != null) fields.put("cr", vault.keep(credentials));
        put(fields, "fc", certificateSha256);
        put(fields, "fk", publicKeySha256);
        put(fields, "pin", pin);
        put(fields, "ib", inboundId == null ? null : inboundId.toString());
        put(fields, "np", newInboundPort == null ? null : newInboundPort.toString());
        put(fields, "ns", newInboundSni);
        put(fields, "n", name);
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** Empty for anything unreadable (a state from another version, say): the admin starts again. */
    static Optional<ServerDraft> decode(String encoded, Vault vault) {
        try {
            Map<String, String> f = new LinkedHashMap<>();
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) return Optional.empty();
                f.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            PanelCredentials credentials = f.containsKey("cr") ? vault.find(f.get("cr")).orElse(null) : null;
            Stage stage = Stage.valueOf(f.getOrDefault("s", "").toUpperCase(Locale.ROOT));
            // the login is gone (a restart, or the vault's time is up): ask for it again, keeping the rest
            if (credentials == null && stage.compareTo(Stage.CREDENTIALS) > 0) stage = Stage.CREDENTIALS;
            return Optional.of(new ServerDraft(stage, f.get("u"), credentials,
                    f.get("fc"), f.get("fk"), f.get("pin"), integer(f.get("ib")), integer(f.get("np")), f.get("ns"), f.get("n")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ServerDraft[stage=" + stage + ", url=" + url + ", credentials=" + credentials + ", pin=" + pin
                + ", inboundId=" + inboundId + ", newInboundPort=" + newInboundPort + ", name=" + name + "]";
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) fields.put(key, value);
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value);
    }
}
