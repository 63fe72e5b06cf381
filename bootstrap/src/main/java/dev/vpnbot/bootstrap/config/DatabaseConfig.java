package dev.vpnbot.bootstrap.config;

/**
 * Which PostgreSQL to use. With no URL the bot starts its own embedded PostgreSQL under the
 * data directory.
 *
 * @param url      a jdbc:postgresql:// URL, or null for the embedded database
 * @param user     null to use the URL's (or the driver's) default
 * @param password null when the database needs none
 */
public record DatabaseConfig(String url, String user, Secret password) {
    public DatabaseConfig {
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("database URL must start with jdbc:postgresql://");
        }
    }

    public static DatabaseConfig embedded() {
        return new DatabaseConfig(null, null, null);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** The URL without its query, which may carry a password. */
    @Override
    public String toString() {
        String shown = url == null ? "embedded" : url.replaceAll("\\?.*$", "?…");
        return "DatabaseConfig[url=" + shown + ", user=" + user + ", password=" + (password == null ? "none" : password) + "]";
    }
}
