package dev.vpnbot.bootstrap.config;

import java.net.URI;
import java.util.Set;

/** Reads the HTTP server settings (port, public address, proxies, bind address, metrics token) for {@link ConfigReader}. */
final class HttpConfigReader {
    private static final Set<Integer> TELEGRAM_WEBHOOK_PORTS = Set.of(443, 80, 88, 8443);

    private HttpConfigReader() {
    }

    static HttpConfig read(ConfigReader in) {
        int port = in.parse("HTTP_PORT", HttpConfigReader::port).orElse(HttpConfig.DEFAULT_PORT);
        URI publicUrl = in.parse("PUBLIC_URL", ConfigReader::httpUrl).orElse(null);
        boolean webhookWanted = in.vars.get("TELEGRAM_MODE").map(m -> m.equalsIgnoreCase("webhook")).orElse(false);
        if (in.purpose == Purpose.RUN && webhookWanted) {
            if (in.vars.get("PUBLIC_URL").isEmpty()) {
                in.problems.add("PUBLIC_URL is not set: in webhook mode Telegram needs the https address of this bot (e.g. https://bot.example.com)");
            } else if (publicUrl != null && !publicUrl.getScheme().equals("https")) {
                in.problems.add("PUBLIC_URL must be https:// in webhook mode: Telegram delivers webhooks over TLS only");
            } else if (publicUrl != null && publicUrl.getPort() != -1 && !TELEGRAM_WEBHOOK_PORTS.contains(publicUrl.getPort())) {
                in.problems.add("PUBLIC_URL uses port " + publicUrl.getPort() + ": Telegram delivers webhooks only to ports 443, 80, 88 or 8443");
            }
        }
        IpRanges proxies = in.parse("TRUSTED_PROXIES", IpRanges::parse).orElse(IpRanges.none());
        String bind = in.parse("HTTP_BIND", HttpConfigReader::bindAddress).orElse(HttpConfig.DEFAULT_BIND);
        Secret metricsToken = in.parse("METRICS_TOKEN", HttpConfigReader::metricsToken).orElse(null);
        if (in.purpose == Purpose.RUN && metricsToken == null && !IpRange.parse(bind).network().isLoopbackAddress()) {
            in.warnings.add("HTTP_BIND=" + bind + " opens the HTTP server beyond this machine while METRICS_TOKEN is not set: "
                    + "anyone who reaches the port reads /metrics (set METRICS_TOKEN, or keep the port behind a firewall)");
        }
        return new HttpConfig(port, publicUrl, proxies, bind, metricsToken);
    }

    private static String bindAddress(String value) {
        if (value.contains("/")) throw new IllegalArgumentException("'" + value + "' is a block; write one address");
        try {
            IpRange.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address: write 127.0.0.1 (default, only this machine), "
                    + "0.0.0.0 (every interface, e.g. in a container) or one of this machine's addresses");
        }
        return value;
    }

    private static Secret metricsToken(String value) {
        if (value.length() < 16 || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("use at least 16 characters without spaces (e.g. `openssl rand -hex 24`)");
        }
        return Secret.of(value);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) return port; // 0: any free port (tests)
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + value + "' is not a port number (1-65535)");
    }
}
