package dev.vpnbot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoMap;
import dev.vpnbot.adapter.heleket.HeleketPaymentGateway;
import dev.vpnbot.adapter.heleket.HeleketSettings;
import dev.vpnbot.adapter.heleket.HeleketWebhook;
import dev.vpnbot.adapter.heleket.IpRange;
import dev.vpnbot.adapter.heleket.WebhookReply;
import dev.vpnbot.adapter.simulated.PlaceholderInvoices;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.bootstrap.config.HeleketConfig;
import dev.vpnbot.bootstrap.config.HttpConfig;
import dev.vpnbot.bootstrap.config.IpRanges;
import dev.vpnbot.bootstrap.http.Route;
import dev.vpnbot.bootstrap.http.WebHandler;
import dev.vpnbot.bootstrap.http.WebReply;
import dev.vpnbot.bootstrap.http.WebRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The Heleket adapter: the payment gateway and its webhook route. With PAYMENT_TEST_MODE and
 * no Heleket keys, orders get placeholder invoices and are paid with the test button only.
 * HELEKET_WEBHOOK_IPS is checked against the client address the server resolved behind
 * TRUSTED_PROXIES.
 */
public final class HeleketModule extends AbstractModule {

    @Provides
    @Singleton
    Optional<HeleketSettings> settings(HeleketConfig heleket, HttpConfig http) {
        return settingsOf(heleket, http);
    }

    /** The adapter's settings from the configuration; empty when Heleket is not configured (also for {@code vpnbot doctor}). */
    public static Optional<HeleketSettings> settingsOf(HeleketConfig heleket, HttpConfig http) {
        if (!heleket.isConfigured()) return Optional.empty();
        // without PUBLIC_URL Heleket gets no callback address: reconciliation then finds the payments
        String callback = http.publicAddress(Route.HELEKET_WEBHOOK.path()).map(Object::toString).orElse(null);
        return Optional.of(new HeleketSettings(heleket.merchantId(), heleket.apiKey().reveal(), heleket.apiUrl(), callback, null,
                ranges(heleket.webhookIps()), HeleketSettings.DEFAULT_REQUEST_TIMEOUT));
    }

    @Provides
    @Singleton
    PaymentGateway gateway(Optional<HeleketSettings> settings, HttpConfig http, OkHttpClient client) {
        return settings.<PaymentGateway>map(heleket -> new HeleketPaymentGateway(heleket, client))
                .orElseGet(() -> new PlaceholderInvoices(http.publicUrl() == null ? "https://t.me" : http.publicUrl().toString()));
    }

    @ProvidesIntoMap
    @RouteKey(Route.HELEKET_WEBHOOK)
    WebHandler webhook(Optional<HeleketSettings> settings, ConfirmPaymentUseCase payments) {
        if (settings.isEmpty()) return request -> WebReply.text(404, "Heleket is not configured\n");
        HeleketWebhook webhook = new HeleketWebhook(settings.get(), payments);
        return new WebHandler() {
            @Override
            public WebReply handle(WebRequest request) {
                WebhookReply reply = webhook.handle(request.body(), request.client());
                return WebReply.text(reply.status(), reply.body());
            }

            @Override
            public Optional<WebReply> refuseBeforeBody(Optional<InetAddress> client) {
                return webhook.refuseSender(client).map(reply -> WebReply.text(reply.status(), reply.body()));
            }
        };
    }

    private static List<IpRange> ranges(IpRanges ranges) {
        return ranges.asText().stream().map(IpRange::parse).toList();
    }
}
