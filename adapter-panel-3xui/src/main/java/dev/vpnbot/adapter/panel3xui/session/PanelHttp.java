package dev.vpnbot.adapter.panel3xui.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnbot.adapter.panel3xui.tls.Fingerprints;
import dev.vpnbot.adapter.panel3xui.tls.PanelTrust;
import dev.vpnbot.application.model.panel.PanelCertificate;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The HTTP side of one panel connection: its own OkHttp client (TLS settings, cookie jar, no
 * redirects), the headers every request carries (API token, CSRF token), and single exchanges
 * with transport failures turned into operator-readable causes.
 */
final class PanelHttp {

    private final String name;
    private final PanelConnection connection;
    private final Duration callTimeout;
    private final PanelTrust trust;
    private final SessionCookies cookies = new SessionCookies();
    private final PanelApi api;
    private volatile String csrfToken;

    PanelHttp(String name, PanelConnection connection, SessionSettings settings, OkHttpClient base, ObjectMapper json) {
        this.name = name;
        this.connection = connection;
        this.callTimeout = settings.callTimeout();
        OkHttpClient.Builder http = base.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.callTimeout())
                .writeTimeout(settings.callTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(false) // a followed 307 ends on the HTML login page
                .followSslRedirects(false)
                .cookieJar(cookies)
                .addInterceptor(chain -> chain.proceed(decorate(chain.request())));
        if (connection.isHttps()) {
            trust = new PanelTrust(connection.tlsPin(), settings.trustedCertificates());
            http.sslSocketFactory(trust.socketFactory(), trust.trustManager()).hostnameVerifier(trust.hostnameVerifier());
        } else {
            trust = null;
        }
        this.api = new Retrofit.Builder()
                .baseUrl(connection.baseUrl())
                .client(http.build())
                .addConverterFactory(JacksonConverterFactory.create(json))
                .build()
                .create(PanelApi.class);
    }

    /** Drops the session cookie and CSRF token, before a fresh login. */
    void forgetSession() {
        csrfToken = null;
        cookies.clear();
    }

    /** v3: the token every write must carry, bound to the session cookie it came with. */
    void csrfToken(String token) {
        csrfToken = token;
    }

    Optional<PanelCertificate> certificate() {
        if (trust == null) return Optional.empty();
        return trust.lastCertificate().map(c -> Fingerprints.describe(c, trust.lastTrusted()));
    }

    /** One HTTP exchange, with transport failures turned into operator-readable causes. */
    Reply send(Function<PanelApi, Call<ResponseBody>> request) {
        Call<ResponseBody> call = request.apply(api);
        String route = call.request().method() + " " + relative(call.request().url());
        try {
            Response<ResponseBody> response = call.execute();
            ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody();
            byte[] bytes;
            try (body) {
                bytes = body == null ? new byte[0] : body.bytes();
            }
            return new Reply(response.code(), response.headers().get("Location"), bytes, route);
        } catch (IOException e) {
            throw transportFailure(e, route);
        }
    }

    private String relative(HttpUrl url) {
        String full = url.toString();
        return full.startsWith(connection.baseUrl()) ? full.substring(connection.baseUrl().length()) : url.encodedPath();
    }

    private PanelException transportFailure(IOException e, String route) {
        String where = "panel " + name + " (" + connection.baseUrl() + ")";
        Throwable pin = causeOf(e, PanelTrust.PinMismatch.class);
        if (pin != null) {
            return new PanelException(PanelFault.TLS_PIN_MISMATCH, where + ": TLS pin mismatch: " + pin.getMessage()
                    + ". If the panel's certificate was replaced on purpose, pin the new value.", e);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new PanelException(PanelFault.TLS_UNTRUSTED, where + ": the certificate does not name this host ("
                    + e.getMessage() + ")" + seenCertificate() + ". Pin it to accept it for a bare IP.", e);
        }
        if (e instanceof SSLHandshakeException && causeOf(e, CertificateException.class) != null) {
            return new PanelException(PanelFault.TLS_UNTRUSTED, where + ": the TLS certificate is not trusted"
                    + seenCertificate() + ". Pin it, or add its CA to the trusted certificates.", e);
        }
        if (e instanceof SSLException) {
            return new PanelException(PanelFault.WRONG_BASE_PATH, where + ": TLS failed (" + e.getMessage()
                    + "); if the panel serves plain HTTP on this port, use an http:// URL", e);
        }
        if (e instanceof InterruptedIOException) {
            return new PanelException(PanelFault.UNREACHABLE, where + " did not answer " + route + " within "
                    + callTimeout.toMillis() + " ms", e);
        }
        if (e instanceof UnknownHostException) {
            return new PanelException(PanelFault.UNREACHABLE, where + ": unknown host " + e.getMessage(), e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new PanelException(PanelFault.UNREACHABLE, where + ": cannot connect (" + e.getMessage() + ")", e);
        }
        return new PanelException(PanelFault.UNREACHABLE, where + ": " + route + " failed: " + e, e);
    }

    private String seenCertificate() {
        return certificate().map(c -> "; it presented \"" + c.subject() + "\" with SHA-256 " + c.certificateSha256()
                + " (public key SHA-256 " + c.publicKeySha256() + ")").orElse("");
    }

    private static Throwable causeOf(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return c;
            for (Throwable s : c.getSuppressed()) if (type.isInstance(s)) return s;
        }
        return null;
    }

    private Request decorate(Request request) {
        Request.Builder b = request.newBuilder()
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "application/json");
        if (connection.credentials() instanceof PanelCredentials.ApiToken token) {
            b.header("Authorization", "Bearer " + token.token());
        }
        String csrf = csrfToken;
        if (csrf != null && !request.method().equals("GET") && !request.method().equals("HEAD")) {
            b.header("X-CSRF-Token", csrf);
        }
        return b.build();
    }
}
