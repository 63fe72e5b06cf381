package dev.vpnbot.adapter.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own PostgreSQL, used when no DATABASE_URL is configured: the PostgreSQL 15 binaries
 * bundled in the jar (zonky), with the data kept under the data directory so it survives
 * restarts. It listens on localhost only, on a port chosen once and remembered, and the
 * superuser gets a random password (kept beside the data, readable by the owner only) instead
 * of the trust login the binaries start with.
 *
 * <p>Layout under {@code home} (DATA_DIR): {@code postgres/} is the PostgreSQL data directory,
 * {@code embedded-postgres.properties} holds its port and password.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "vpnbot";
    public static final String USER = "postgres";
    private static final String SETTINGS = "embedded-postgres.properties";
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9]{24,64}");
    private static final String HBA = """
            # written by vpnbot: password login only, local connections only
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    /** The server this process started and stops; null when it joined one a running bot owns. */
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final int port;
    private final DatabaseSettings settings;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, int port, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.settings = new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/" + DATABASE, USER, password);
    }

    /**
     * For operator commands ({@code migrate}, {@code server …}, {@code tariff …}): uses the
     * embedded database of the bot that is running from {@code home}, or starts it when none is.
     * Closing a joined database leaves it running for its bot.
     */
    public static EmbeddedDatabase startOrJoin(Path home) throws IOException {
        Path data = home.resolve("postgres").toAbsolutePath().normalize();
        if (!isInUse(data)) return start(home);
        Settings settings = Settings.load(home.resolve(SETTINGS));
        int port = settings.port().orElseThrow(() -> new IOException(
                "the embedded PostgreSQL in " + data + " is running but " + home.resolve(SETTINGS) + " does not name its port"));
        LOG.info("using the embedded PostgreSQL of the vpnbot running from {} (localhost:{})", data, port);
        return new EmbeddedDatabase(null, data, port, settings.password());
    }

    /**
     * Starts (and on first use creates) the database under {@code home}. Fails with a clear
     * message when another running vpnbot uses the same directory.
     */
    public static EmbeddedDatabase start(Path home) throws IOException {
        Files.createDirectories(home);
        Path data = home.resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(data);
        refuseIfInUse(data);
        stopLeftoverServer(data);

        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        Settings settings = Settings.load(home.resolve(SETTINGS));
        int port = settings.port().filter(EmbeddedDatabase::isFree).orElseGet(EmbeddedDatabase::freePort);
        if (settings.port().isPresent() && settings.port().get() != port) {
            LOG.warn("port {} of the embedded PostgreSQL is taken by another program; moving it to {}", settings.port().get(), port);
        }
        settings = new Settings(Optional.of(port), settings.password());
        settings.save(home.resolve(SETTINGS)); // before the password is set, so it can never be lost

        long begin = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false) // the bot stops it last, after its own work is done
                    .setServerConfig("synchronous_commit", "on") // the library's default "off" could lose paid orders on a crash
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "50")
                    .setLocaleConfig("locale", "C")
                    .setConnectConfig("password", settings.password())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IOException(explainStartFailure(data, e), e);
        }
        try {
            secureAndCreateDatabase(postgres, data, settings.password());
        } catch (SQLException | IOException e) {
            postgres.close();
            throw new IOException("the embedded PostgreSQL in " + data + " started but could not be prepared: " + e.getMessage(), e);
        }
        LOG.info("{} embedded PostgreSQL {} in {} on localhost:{} ({} ms). It is kept across restarts; back it up with "
                        + "pg_dump (see README). Set DATABASE_URL to use your own PostgreSQL instead.",
                fresh ? "Created the" : "Using the", serverVersion(postgres, settings.password()), data, port,
                (System.nanoTime() - begin) / 1_000_000);
        return new EmbeddedDatabase(postgres, data, port, settings.password());
    }

    /** Where to connect: localhost, the remembered port, the superuser and its password. */
    public DatabaseSettings settings() {
        return settings;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return port;
    }

    /** True when this process joined a server that another running vpnbot owns. */
    public boolean joined() {
        return postgres == null;
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are ended, committed data is safe), unless joined. */
    @Override
    public void close() throws IOException {
        if (postgres == null) return;
        postgres.close();
        LOG.info("embedded PostgreSQL stopped");
    }

    private static void refuseIfInUse(Path data) throws IOException {
        if (isInUse(data)) {
            throw new IOException("the embedded PostgreSQL in " + data + " is in use by another running vpnbot; "
                    + "stop it first, or give this one another DATA_DIR");
        }
    }

    /** The library holds a lock on this file while a server runs from the directory. */
    private static boolean isInUse(Path data) throws IOException {
        Path lockFile = data.resolve("epg-lock");
        if (!Files.exists(lockFile)) return false;
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileLock lock = file.getChannel().tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** A server left running by a bot that was killed (kill -9, power loss of the JVM only) is stopped. */
    private static void stopLeftoverServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return; // unreadable: PostgreSQL decides itself whether it is stale
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) return;
        LOG.warn("stopping the embedded PostgreSQL (pid {}) left running by an earlier vpnbot that did not shut down", pid);
        process.get().destroy(); // SIGTERM: PostgreSQL shuts down cleanly
        try {
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("an earlier embedded PostgreSQL (pid " + pid + ") in " + data + " does not stop; stop it by hand", e);
        }
    }

    /** Idempotent, run at every start: the password is set, logins need it, the database exists. */
    private static void secureAndCreateDatabase(EmbeddedPostgres pg, Path data, String password) throws SQLException, IOException {
        try (Connection c = admin(pg, password).getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'"); // generated [A-Za-z0-9] only
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, DATABASE);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) s.execute("CREATE DATABASE " + DATABASE);
            Path hba = data.resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(HBA)) {
                Files.writeString(hba, HBA);
                s.execute("SELECT pg_reload_conf()");
            }
        }
    }

    private static DataSource admin(EmbeddedPostgres pg, String password) {
        var ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {pg.getPort()});
        ds.setDatabaseName("postgres");
        ds.setUser(USER);
        ds.setPassword(password);
        return ds;
    }

    private static String serverVersion(EmbeddedPostgres pg, String password) {
        try (Connection c = admin(pg, password).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }

    private static String explainStartFailure(Path data, Exception e) {
        boolean root = "root".equals(System.getProperty("user.name"));
        String base = "the embedded PostgreSQL could not start in " + data + ": " + e.getMessage();
        if (root) {
            return base + ". Running as root, PostgreSQL needs user namespaces (`unshare -U`), which this system does not "
                    + "allow (e.g. inside Docker): run vpnbot as an ordinary user, or set DATABASE_URL";
        }
        return base + ". Set DATABASE_URL to use your own PostgreSQL instead";
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port for the embedded PostgreSQL", e);
        }
    }

    /** Port and password, remembered between starts in a file only the owner can read. */
    private record Settings(Optional<Integer> port, String password) {
        @Override
        public String toString() {
            return "Settings[port=" + port + ", password=***]";
        }

        static Settings load(Path file) throws IOException {
            Properties p = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
            }
            Optional<Integer> port = Optional.ofNullable(p.getProperty("port")).map(String::trim).map(Integer::valueOf);
            String pw = p.getProperty("password", "").trim();
            if (!SAFE_PASSWORD.matcher(pw).matches()) pw = newPassword();
            return new Settings(port, pw);
        }

        void save(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("port", Integer.toString(port.orElseThrow()));
            p.setProperty("password", password);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "embedded PostgreSQL of vpnbot: user " + USER + ", database " + DATABASE);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static String newPassword() {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            SecureRandom random = new SecureRandom();
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < 32; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            return sb.toString();
        }
    }
}
