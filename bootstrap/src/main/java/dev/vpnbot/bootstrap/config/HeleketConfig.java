package dev.vpnbot.bootstrap.config;

import java.net.URI;
import java.util.Objects;

/**
 * The Heleket payment gateway.
 *
 * @param merchantId  merchant UUID; null when Heleket is not configured (test payments only)
 * @param apiKey      the payment API key; null when not configured
 * @param webhookIps  addresses Heleket's notifications may come from
 * @param testMode    users get a "Pay (test)" button that marks orders paid without money
 */
public record HeleketConfig(String merchantId, Secret apiKey, URI apiUrl, IpRanges webhookIps, boolean testMode) {
    public static final URI DEFAULT_API_URL = URI.create("https://api.heleket.com");
    public static final String DEFAULT_WEBHOOK_IPS = "31.133.220.8";

    public HeleketConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webhookIps, "webhookIps");
        if ((merchantId == null) != (apiKey == null)) {
            throw new IllegalArgumentException("merchant id and API key go together");
        }
    }

    public boolean isConfigured() {
        return merchantId != null;
    }
}
