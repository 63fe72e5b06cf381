package dev.vpnbot.adapter.heleket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.PublicOrderId;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * Gateway adapter: {@link PaymentGateway} over Heleket's API (reference §1-§3).
 *
 * <p>Each request body is serialized once; the {@code sign} header is computed over those very
 * bytes and those bytes are sent. Heleket answers a repeated {@code order_id} with the invoice
 * it already has, whatever amount we send now, so every invoice it returns is compared with
 * what we asked for and refused when it differs. Success is HTTP 200 with {@code state} 0;
 * network trouble, timeouts and 5xx are transient faults, everything else is not and carries
 * Heleket's own message. The API key is never logged.
 */
public final class HeleketPaymentGateway implements PaymentGateway {
    private static final Logger LOG = LoggerFactory.getLogger(HeleketPaymentGateway.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Heleket's limits for {@code lifetime}, in seconds. */
    static final long MIN_LIFETIME = 300;
    static final long MAX_LIFETIME = 43_200;

    private final HeleketSettings settings;
    private final HeleketApi api;
    private final ObjectMapper mapper;

    /** With an OkHttp client of its own. */
    public HeleketPaymentGateway(HeleketSettings settings) {
        this(settings, new OkHttpClient());
    }

    /** Shares {@code base}'s connection pool and dispatcher; timeouts come from the settings. */
    public HeleketPaymentGateway(HeleketSettings settings, OkHttpClient base) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Duration timeout = settings.requestTimeout();
        OkHttpClient http = base.newBuilder()
                .connectTimeout(timeout)
                .writeTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout)
                .build();
        this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.api = new Retrofit.Builder()
                .baseUrl(settings.apiRoot())
                .client(http)
                .addConverterFactory(JacksonConverterFactory.create(mapper))
                .build()
                .create(HeleketApi.class);
    }

    @Override
    public Invoice createInvoice(InvoiceRequest request) {
        Objects.requireNonNull(request, "request");
        long lifetime = lifetimeSeconds(request.lifetime());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("amount", request.amount().amount().toPlainString()); // a string at the currency's scale, never a float
        fields.put("currency", request.amount().currencyCode());
        fields.put("order_id", request.orderId().value());
        fields.put("lifetime", lifetime);
        if (settings.callbackUrl() != null) fields.put("url_callback", settings.callbackUrl());
        if (settings.returnUrl() != null) {
            fields.put("url_return", settings.returnUrl());
            fields.put("url_success", settings.returnUrl());
        }
        String what = "creating the invoice for order " + request.orderId();
        Answer answer = post(what, api::createInvoice, fields);
        HeleketInvoice invoice;
        if (answer.succeeded()) {
            invoice = answer.reply().result();
        } else if (answer.httpStatus() == 422 && answer.reply() != null && answer.reply().hasErrorFor("order_id")) {
            // Some Heleket material says a repeated order_id gives 422: then the existing invoice is the answer.
            LOG.info("Heleket refused order id {} ({}); looking for an existing invoice", request.orderId(), answer.problem());
            invoice = invoiceByOrderId(request.orderId())
                    .orElseThrow(() -> answer.failure(what));
        } else {
            throw answer.failure(what);
        }
        Invoice accepted = matching(request, invoice);
        LOG.info("Heleket invoice {} for order {} over {}", accepted.invoiceId(), request.orderId(), request.amount());
        return accepted;
    }

    @Override
    public Optional<PaymentInfo> paymentInfo(PublicOrderId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        Optional<PaymentInfo> info = invoiceByOrderId(orderId).map(this::toPaymentInfo);
        info.filter(i -> !i.orderId().equals(orderId)).ifPresent(i -> {
            throw new PaymentGatewayException("Heleket answered about order " + i.orderId() + " when asked about " + orderId, false);
        });
        return info;
    }

    /** The same, by Heleket's invoice uuid. */
    public Optional<PaymentInfo> paymentInfoByInvoice(String invoiceId) {
        if (invoiceId == null || invoiceId.isBlank()) throw new IllegalArgumentException("invoice id is required");
        Optional<PaymentInfo> info = lookUp("uuid", invoiceId.trim()).map(this::toPaymentInfo);
        info.filter(i -> !i.invoiceId().equalsIgnoreCase(invoiceId.trim())).ifPresent(i -> {
            throw new PaymentGatewayException("Heleket answered about invoice " + i.invoiceId() + " when asked about " + invoiceId, false);
        });
        return info;
    }

    private Optional<HeleketInvoice> invoiceByOrderId(PublicOrderId orderId) {
        return lookUp("order_id", orderId.value());
    }

    private Optional<HeleketInvoice> lookUp(String key, String value) {
        String what = "asking for the payment of " + key + " " + value;
        Answer answer = post(what, api::paymentInfo, Map.of(key, value));
        if (answer.succeeded()) return Optional.of(answer.reply().result());
        if (answer.isNotFound()) return Optional.empty();
        throw answer.failure(what);
    }

    /** Refuses an invoice that is not the one we asked for: Heleket keeps the first one per order id. */
    private static Invoice matching(InvoiceRequest request, HeleketInvoice invoice) {
        Money asked = request.amount();
        BigDecimal amount = decimal(invoice.amount());
        boolean sameOrder = request.orderId().value().equals(invoice.orderId());
        boolean sameAmount = amount != null && amount.compareTo(asked.amount()) == 0;
        boolean sameCurrency = invoice.currency() != null && invoice.currency().trim().equalsIgnoreCase(asked.currencyCode());
        if (!sameOrder || !sameAmount || !sameCurrency) {
            String message = "Heleket returned invoice " + invoice.uuid() + " for order " + invoice.orderId() + " over "
                    + invoice.amount() + " " + invoice.currency() + ", but we asked for order " + request.orderId() + " over "
                    + asked + ": an invoice with this order id already exists with other terms, not used";
            LOG.error(message);
            throw new PaymentGatewayException(message, false);
        }
        if (HeleketStatus.toPaymentStatus(invoice.rawStatus()) == PaymentStatus.FAILED) {
            throw new PaymentGatewayException("Heleket's invoice " + invoice.uuid() + " for order " + request.orderId()
                    + " is already closed (" + invoice.rawStatus() + "): it cannot be paid any more", false);
        }
        try {
            return new Invoice(Objects.requireNonNullElse(invoice.uuid(), ""), Objects.requireNonNullElse(invoice.url(), ""));
        } catch (IllegalArgumentException e) {
            throw new PaymentGatewayException("Heleket's invoice for order " + request.orderId() + " is unusable: " + e.getMessage(), false);
        }
    }

    private PaymentInfo toPaymentInfo(HeleketInvoice invoice) {
        try {
            String raw = invoice.rawStatus() == null || invoice.rawStatus().isBlank() ? "unknown" : invoice.rawStatus();
            PaymentStatus status = HeleketStatus.toPaymentStatus(raw);
            if (invoice.uuid() == null || invoice.orderId() == null) throw new IllegalArgumentException("invoice without uuid or order_id");
            return new PaymentInfo(invoice.uuid(), new PublicOrderId(invoice.orderId()), status,
                    invoice.figures().invoiced(), invoice.figures().paid(status), raw);
        } catch (IllegalArgumentException e) {
            throw new PaymentGatewayException("Heleket's payment information is unusable: " + e.getMessage(), false, e);
        }
    }

    private static long lifetimeSeconds(Duration lifetime) {
        long seconds = lifetime.toSeconds();
        if (seconds < MIN_LIFETIME || seconds > MAX_LIFETIME) {
            throw new PaymentGatewayException("Heleket invoices live " + MIN_LIFETIME + " to " + MAX_LIFETIME
                    + " seconds; the configured lifetime is " + seconds, false);
        }
        return seconds;
    }

    @FunctionalInterface
    private interface Endpoint {
        Call<HeleketReply<HeleketInvoice>> call(String merchant, String sign, RequestBody body);
    }

    /** Serializes once, signs those bytes, sends those bytes. */
    private Answer post(String what, Endpoint endpoint, Map<String, Object> fields) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a request to Heleket", e);
        }
        String sign = HeleketSign.of(bytes, settings.apiKey());
        Response<HeleketReply<HeleketInvoice>> response;
        try {
            response = endpoint.call(settings.merchantId(), sign, RequestBody.create(bytes, JSON)).execute();
        } catch (IOException e) {
            // Includes timeouts and answers that are not the JSON we expect (an HTML page from a proxy).
            throw new PaymentGatewayException("Heleket could not be reached or answered garbage while " + what + ": " + e, true, e);
        }
        if (response.isSuccessful()) {
            return new Answer(response.code(), response.body(), null);
        }
        String text = errorText(response.errorBody());
        return new Answer(response.code(), parseError(text), text);
    }

    private static String errorText(ResponseBody body) {
        if (body == null) return "";
        try (body) {
            return body.string();
        } catch (IOException e) {
            return "";
        }
    }

    private HeleketReply<JsonNode> parseErrorTree(String text) {
        try {
            return mapper.readValue(text, new TypeReference<HeleketReply<JsonNode>>() {});
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private HeleketReply<HeleketInvoice> parseError(String text) {
        HeleketReply<JsonNode> tree = text.isBlank() ? null : parseErrorTree(text);
        return tree == null ? null : new HeleketReply<>(tree.state(), null, tree.message(), tree.errors());
    }

    private static BigDecimal decimal(String text) {
        if (text == null) return null;
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One HTTP exchange with Heleket and how to read it. */
    private record Answer(int httpStatus, HeleketReply<HeleketInvoice> reply, String rawError) {

        boolean succeeded() {
            return httpStatus == 200 && reply != null && reply.succeeded();
        }

        /** Heleket's own "Payment not found" (a JSON answer: an HTML 404 from a proxy is a fault, not an answer). */
        boolean isNotFound() {
            return reply != null && (httpStatus == 404 || problem().toLowerCase(Locale.ROOT).contains("not found"));
        }

        String problem() {
            if (reply != null) return reply.problem();
            if (rawError == null || rawError.isBlank()) return "empty answer";
            String oneLine = rawError.replaceAll("\\s+", " ").trim();
            return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
        }

        PaymentGatewayException failure(String what) {
            boolean transientFault = httpStatus >= 500 || httpStatus == 429 || httpStatus == 408;
            String message = "Heleket answered HTTP " + httpStatus + " while " + what + ": " + problem();
            if (transientFault) LOG.warn(message); else LOG.error(message);
            return new PaymentGatewayException(message, transientFault);
        }
    }
}
