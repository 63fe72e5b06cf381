package dev.vpnbot.adapter.postgres;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The database cannot be reached or refused our login: one sentence that names the server
 * (host, port, database) and the cause, instead of a chain of driver and pool exceptions.
 * The original exception stays attached as the cause, for a debug log.
 */
public final class DatabaseUnavailable extends RuntimeException {

    private DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The clear version of {@code failure} when it means the database is unreachable, down or
     * refused the login; empty for every other failure (bad SQL, constraint violations…).
     */
    static Optional<DatabaseUnavailable> explain(Throwable failure, DatabaseSettings settings) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 20 && !chain.contains(t); t = next(t)) {
            if (t instanceof DatabaseUnavailable known) return Optional.of(known);
            chain.add(t);
        }
        // the socket's reason is the most precise, then the server's SQL state. A pool timeout
        // without either is congestion (every connection busy), not an unreachable server.
        String cause = chain.stream().map(t -> networkCause(t, settings)).filter(Objects::nonNull).findFirst()
                .or(() -> chain.stream().map(t -> serverCause(t, settings)).filter(Objects::nonNull).findFirst())
                .orElse(null);
        if (cause == null) return Optional.empty();
        return Optional.of(new DatabaseUnavailable("PostgreSQL at " + settings.host() + ":" + settings.port()
                + ", database '" + settings.database() + "', is unavailable: " + cause, failure));
    }

    /** {@code failure} as {@link DatabaseUnavailable} when it is one (see {@link #explain}), else unchanged. */
    static RuntimeException clarify(RuntimeException failure, DatabaseSettings settings) {
        return explain(failure, settings).<RuntimeException>map(clear -> clear).orElse(failure);
    }

    private static String networkCause(Throwable t, DatabaseSettings settings) {
        if (t instanceof ConnectException) return "connection refused (is the server running and listening on that address?)";
        if (t instanceof UnknownHostException) return "unknown host '" + settings.host() + "'";
        if (t instanceof NoRouteToHostException) return "no route to host";
        if (t instanceof SocketTimeoutException) return "no answer in time (network or firewall?)";
        if (t instanceof EOFException) return "the server closed the connection";
        return null;
    }

    private static String serverCause(Throwable t, DatabaseSettings settings) {
        if (!(t instanceof SQLException sql) || sql.getSQLState() == null) return null;
        String state = sql.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "login refused for user '" + settings.user() + "' (wrong password, or pg_hba.conf does not allow it)";
        }
        if (state.equals("3D000")) return "the database does not exist";
        if (state.equals("53300")) return "the server has no free connection slots";
        if (state.equals("57P01") || state.equals("57P02")) return "the server shut down the connection";
        if (state.equals("57P03")) return "the server is starting up or shutting down";
        if (state.startsWith("08")) return "the connection was lost or could not be made (" + firstLine(sql.getMessage()) + ")";
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLTransientConnectionException pool && pool.getNextException() != null) {
            return pool.getNextException(); // HikariCP puts the driver's reason here
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String firstLine(String message) {
        if (message == null) return "no detail";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
