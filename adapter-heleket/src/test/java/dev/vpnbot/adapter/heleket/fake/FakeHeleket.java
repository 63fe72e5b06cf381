package dev.vpnbot.adapter.heleket.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vpnbot.adapter.heleket.HeleketSettings;
import dev.vpnbot.adapter.heleket.IpRange;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * An in-process Heleket for tests (reference §7), on a JDK HTTP server at 127.0.0.1.
 *
 * <p>It checks every request's {@code sign} over the raw bytes received, validates invoices
 * like Heleket, answers a repeated {@code order_id} with the stored invoice unchanged, runs the
 * invoice state machine when a test says the buyer paid (exactly, partly, too much), the
 * invoice expired or money went back, and delivers signed webhooks to the invoice's
 * {@code url_callback} in the background, retrying non-2xx answers. Tests can spoil webhooks
 * ({@link WebhookTwist}), resend them, and inject faults.
 *
 * <pre>{@code
 * try (FakeHeleket heleket = FakeHeleket.start()) {
 *     HeleketSettings settings = heleket.settings("http://127.0.0.1:" + port + "/webhooks/heleket");
 *     ... create an order through the adapter ...
 *     heleket.pay(orderId);
 *     heleket.awaitWebhooks();
 * }
 * }</pre>
 */
public final class FakeHeleket implements AutoCloseable {
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Set<String> RESENDABLE = Set.of("paid", "paid_over", "wrong_amount");
    private static final Set<String> TEST_WEBHOOK_STATUSES = Set.of("process", "check", "paid", "paid_over", "fail",
            "wrong_amount", "cancel", "system_fail", "refund_process", "refund_fail", "refund_paid");
    private static final DateTimeFormatter MOSCOW_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /**
     * How the fake behaves.
     *
     * @param payerCurrency        the crypto buyers pay in
     * @param exchangeRate         units of {@code payerCurrency} per unit of the invoice currency
     * @param webhookRetryDelays   delay before each delivery attempt; its size is the number of attempts
     * @param confirmCheckFirst    send "confirm_check" before the final status of a payment
     * @param repeatedOrderIdIs422 answer a repeated order_id with 422 (what one SDK page claims) instead of the stored invoice
     * @param currencies           invoice currencies accepted; empty = any
     */
    public record Options(String merchantId, String paymentKey, String payHost, Clock clock, String payerCurrency,
                          BigDecimal exchangeRate, List<Duration> webhookRetryDelays, Duration webhookTimeout,
                          boolean escapeUnicodeInWebhooks, boolean escapeSlashesInResponses, boolean confirmCheckFirst,
                          boolean repeatedOrderIdIs422, Set<String> currencies) {

        public static Options defaults() {
            return new Options(UUID.randomUUID().toString(), "fake-payment-key-" + UUID.randomUUID(), "pay.heleket.test",
                    Clock.systemUTC(), "USDT", BigDecimal.ONE,
                    List.of(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(400)), Duration.ofSeconds(5),
                    false, true, false, false, Set.of("USD", "EUR", "RUB", "USDT", "BTC"));
        }

        public Options withKeys(String merchant, String key) {
            return new Options(merchant, key, payHost, clock, payerCurrency, exchangeRate, webhookRetryDelays, webhookTimeout,
                    escapeUnicodeInWebhooks, escapeSlashesInResponses, confirmCheckFirst, repeatedOrderIdIs422, currencies);
        }

        public Options withExchangeRate(String payer, String rate) {
            return new Options(merchantId, paymentKey, payHost, clock, payer, new BigDecimal(rate), webhookRetryDelays, webhookTimeout,
                    escapeUnicodeInWebhooks, escapeSlashesInResponses, confirmCheckFirst, repeatedOrderIdIs422, currencies);
        }

        public Options withWebhookRetryDelays(List<Duration> delays) {
            return new Options(merchantId, paymentKey, payHost, clock, payerCurrency, exchangeRate, List.copyOf(delays), webhookTimeout,
                    escapeUnicodeInWebhooks, escapeSlashesInResponses, confirmCheckFirst, repeatedOrderIdIs422, currencies);
        }

        public Options withUnicodeEscapedWebhooks(boolean escaped) {
            return new Options(merchantId, paymentKey, payHost, clock, payerCurrency, exchangeRate, webhookRetryDelays, webhookTimeout,
                    escaped, escapeSlashesInResponses, confirmCheckFirst, repeatedOrderIdIs422, currencies);
        }

        public Options withConfirmCheckFirst(boolean first) {
            return new Options(merchantId, paymentKey, payHost, clock, payerCurrency, exchangeRate, webhookRetryDelays, webhookTimeout,
                    escapeUnicodeInWebhooks, escapeSlashesInResponses, first, repeatedOrderIdIs422, currencies);
        }

        public Options withRepeatedOrderIdAs422(boolean is422) {
            return new Options(merchantId, paymentKey, payHost, clock, payerCurrency, exchangeRate, webhookRetryDelays, webhookTimeout,
                    escapeUnicodeInWebhooks, escapeSlashesInResponses, confirmCheckFirst, is422, currencies);
        }
    }

    static {
        // Without TCP_NODELAY the JDK server's small answers wait ~40 ms for a delayed ACK. Read
        // once, when the first JDK HttpServer is made in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService requestThreads = Executors.newCachedThreadPool(daemon("fake-heleket-http"));
    private final ScheduledExecutorService webhookThread = Executors.newSingleThreadScheduledExecutor(daemon("fake-heleket-webhooks"));
    private final HttpClient webhookClient;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Invoice> invoicesByOrderId = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedDeque<Fault>> faults = new ConcurrentHashMap<>();
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger pendingMessages = new AtomicInteger();

    private FakeHeleket(Options options) throws IOException {
        this.options = options;
        this.webhookClient = HttpClient.newBuilder().connectTimeout(options.webhookTimeout()).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(requestThreads);
        server.start();
    }

    public static FakeHeleket start() {
        return start(Options.defaults());
    }

    public static FakeHeleket start(Options options) {
        try {
            return new FakeHeleket(options);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Heleket", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        webhookThread.shutdownNow();
        requestThreads.shutdownNow();
    }

    // ---- what tests configure the adapter with ------------------------------------------------

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String merchantId() {
        return options.merchantId();
    }

    public String paymentKey() {
        return options.paymentKey();
    }

    /** Adapter settings aimed at this fake, with webhooks accepted from loopback and short timeouts. */
    public HeleketSettings settings(String callbackUrl) {
        return new HeleketSettings(merchantId(), paymentKey(), URI.create(baseUrl()), callbackUrl, "https://t.me/vpnbot_test_bot",
                List.of(IpRange.parse("127.0.0.1"), IpRange.parse("::1")), Duration.ofSeconds(2));
    }

    // ---- inspection -----------------------------------------------------------------------------

    public synchronized Optional<InvoiceView> invoice(String orderId) {
        expireDue();
        return Optional.ofNullable(invoicesByOrderId.get(orderId)).map(Invoice::view);
    }

    public synchronized List<InvoiceView> invoices() {
        expireDue();
        return invoicesByOrderId.values().stream().map(Invoice::view).toList();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Every delivery attempt so far, in order. */
    public List<WebhookDelivery> webhooks() {
        return List.copyOf(deliveries);
    }

    /** Waits until every webhook sent so far was acknowledged or ran out of attempts; returns all attempts. */
    public List<WebhookDelivery> awaitWebhooks() {
        return awaitWebhooks(Duration.ofSeconds(15));
    }

    public List<WebhookDelivery> awaitWebhooks(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pendingMessages.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pendingMessages.get() + " webhook(s) still in flight after " + timeout + ": " + deliveries);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return webhooks();
    }

    // ---- test controls: the buyer and Heleket's back office ---------------------------------------

    /** The buyer pays what is still due, exactly. */
    public synchronized InvoiceView pay(String orderId) {
        Invoice invoice = open(orderId);
        return pay(orderId, invoice.amount.subtract(invoice.paid).toPlainString());
    }

    /**
     * The buyer sends {@code amount} (in the invoice currency). Exact → paid, more → paid_over,
     * less → wrong_amount_waiting (invoice stays open) or wrong_amount when top-ups are off.
     */
    public synchronized InvoiceView pay(String orderId, String amount) {
        Invoice invoice = open(orderId);
        BigDecimal sent = new BigDecimal(amount);
        if (sent.signum() <= 0) throw new IllegalArgumentException("pay a positive amount");
        invoice.paid = invoice.paid.add(sent);
        invoice.payerCurrency = options.payerCurrency();
        invoice.network = "tron";
        invoice.from = "TFakePayer" + invoice.orderId.hashCode();
        invoice.txid = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""); // 64 hex digits, like a tron hash
        if (options.confirmCheckFirst()) notify(invoice, "confirm_check", false);
        int cmp = invoice.paid.compareTo(invoice.amount);
        BigDecimal tolerated = invoice.amount.multiply(BigDecimal.valueOf(100).subtract(invoice.accuracyPercent))
                .divide(BigDecimal.valueOf(100), 8, RoundingMode.HALF_UP);
        if (cmp == 0 || (cmp < 0 && invoice.paid.compareTo(tolerated) >= 0)) {
            settle(invoice, "paid", true);
        } else if (cmp > 0) {
            settle(invoice, "paid_over", true);
        } else if (invoice.multiple) {
            invoice.status = "wrong_amount_waiting"; // no webhook: not in Heleket's webhook status list
            invoice.touch(now());
        } else {
            settle(invoice, "wrong_amount", true);
        }
        return invoice.view();
    }

    /** The buyer sends less than asked. */
    public InvoiceView payPartly(String orderId, String amount) {
        return pay(orderId, amount);
    }

    /** The buyer sends the amount due plus {@code extra}. */
    public synchronized InvoiceView overpay(String orderId, String extra) {
        Invoice invoice = open(orderId);
        return pay(orderId, invoice.amount.subtract(invoice.paid).add(new BigDecimal(extra)).toPlainString());
    }

    /** The invoice's lifetime ends now: cancel, or wrong_amount when something was paid. */
    public synchronized InvoiceView expire(String orderId) {
        Invoice invoice = find(orderId);
        if (!invoice.isFinal) invoice.expiresAt = now().minusSeconds(1);
        expireDue();
        return invoice.view();
    }

    /** Moves the fake's clock; invoices past their lifetime expire (lazily, as on Heleket). */
    public synchronized void advanceClock(Duration by) {
        clockOffset.updateAndGet(d -> d.plus(by));
        expireDue();
    }

    /** Money goes back to the buyer: refund_process, then refund_paid. */
    public synchronized InvoiceView refund(String orderId) {
        Invoice invoice = find(orderId);
        if (!invoice.status.startsWith("paid")) throw new IllegalStateException("only a paid invoice is refunded, this one is " + invoice.status);
        settle(invoice, "refund_process", false);
        settle(invoice, "refund_paid", true);
        return invoice.view();
    }

    /** Any transition (fail, system_fail, locked, refund_fail, …), with its webhook. */
    public synchronized InvoiceView setStatus(String orderId, String status, boolean isFinal) {
        Invoice invoice = find(orderId);
        settle(invoice, status, isFinal);
        return invoice.view();
    }

    /** Changes the stored invoice behind everyone's back (no webhook): to test mismatches. */
    public synchronized void alter(String orderId, String amount, String currency) {
        Invoice invoice = find(orderId);
        invoice.amount = new BigDecimal(amount);
        invoice.currency = currency;
    }

    /** Sets the invoice's additional_data, which webhooks echo: to put slashes and non-ASCII into them. */
    public synchronized void annotate(String orderId, String additionalData) {
        find(orderId).additionalData = additionalData;
    }

    /** Delivers the invoice's last webhook again (a duplicate), optionally spoiled. */
    public synchronized void resendWebhook(String orderId, WebhookTwist... twists) {
        Invoice invoice = find(orderId);
        if (invoice.lastWebhook == null) throw new IllegalStateException("no webhook was sent for " + orderId);
        send(invoice.urlCallback, orderId, (String) invoice.lastWebhook.get("status"), invoice.lastWebhook, twists);
    }

    /**
     * What {@code /v1/test-webhook/payment} does: a correctly signed webhook with any status for
     * an existing invoice, which stays as it is. The classic "paid" that is not true.
     */
    public synchronized void sendTestWebhook(String orderId, String status, WebhookTwist... twists) {
        Invoice invoice = find(orderId);
        send(invoice.urlCallback, orderId, status, webhookPayload(invoice, status, isFinalStatus(status)), twists);
    }

    /** The next {@code times} requests to {@code path} fail with {@code fault}. */
    public void failNext(String path, int times, Fault fault) {
        ConcurrentLinkedDeque<Fault> queue = faults.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) queue.add(fault);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Reply reply = answer(exchange, path, body);
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body, reply.status));
            if (reply.delay.compareTo(Duration.ZERO) > 0) {
                try {
                    Thread.sleep(reply.delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
            if (reply.contentType != null) exchange.getResponseHeaders().set("Content-Type", reply.contentType);
            exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private record Reply(int status, String contentType, String body, Duration delay) {}

    private Reply answer(HttpExchange exchange, String path, byte[] body) {
        if (!"POST".equals(exchange.getRequestMethod())) return error(405, "Method not allowed");
        Fault fault = Optional.ofNullable(faults.get(path)).map(ConcurrentLinkedDeque::poll).orElse(null);
        if (fault != null) return new Reply(fault.status(), fault.contentType(), fault.body(), fault.delay());
        String merchant = exchange.getRequestHeaders().getFirst("merchant");
        String sign = exchange.getRequestHeaders().getFirst("sign");
        if (!options.merchantId().equals(merchant) || sign == null
                || !sign.toLowerCase(Locale.ROOT).equals(signOf(body, options.paymentKey()))) {
            return error(401, "Invalid Sign.");
        }
        JsonNode params;
        try {
            String text = new String(body, StandardCharsets.UTF_8).trim();
            params = text.isEmpty() || text.equals("[]") ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return error(422, "Invalid JSON");
        }
        if (params == null || !params.isObject()) return error(422, "Invalid JSON");
        synchronized (this) {
            expireDue();
            return switch (path) {
                case "/v1/payment" -> createInvoice(params);
                case "/v1/payment/info" -> paymentInfo(params);
                case "/v1/payment/resend" -> resend(params);
                case "/v1/test-webhook/payment" -> testWebhook(params);
                default -> error(404, "Not found");
            };
        }
    }

    private Reply createInvoice(JsonNode p) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String amount = text(p, "amount");
        if (amount == null) errors.put("amount", List.of("validation.required"));
        else if (!AMOUNT.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) errors.put("amount", List.of("validation.numeric"));
        String currency = text(p, "currency");
        if (currency == null || currency.isBlank()) errors.put("currency", List.of("validation.required"));
        String orderId = text(p, "order_id");
        if (orderId == null) errors.put("order_id", List.of("validation.required"));
        else if (orderId.length() > 128) errors.put("order_id", List.of("validation.max.string"));
        else if (!ORDER_ID.matcher(orderId).matches()) errors.put("order_id", List.of("validation.alpha_dash"));
        long lifetime = 3600;
        if (p.has("lifetime")) {
            JsonNode l = p.get("lifetime");
            if (!l.canConvertToLong() || l.asLong() < 300 || l.asLong() > 43200) errors.put("lifetime", List.of("validation.between.numeric"));
            else lifetime = l.asLong();
        }
        for (String field : List.of("url_return", "url_success", "url_callback")) {
            String url = text(p, field);
            if (url != null && !isUrl(url, 255)) errors.put(field, List.of("validation.url"));
        }
        if (p.has("is_payment_multiple") && !p.get("is_payment_multiple").isBoolean()) errors.put("is_payment_multiple", List.of("validation.boolean"));
        BigDecimal accuracy = p.has("accuracy_payment_percent") ? p.get("accuracy_payment_percent").decimalValue() : BigDecimal.ZERO;
        if (accuracy.signum() < 0 || accuracy.compareTo(BigDecimal.valueOf(5)) > 0) errors.put("accuracy_payment_percent", List.of("validation.between.numeric"));
        String additional = text(p, "additional_data");
        if (additional != null && additional.length() > 255) errors.put("additional_data", List.of("validation.max.string"));
        if (!errors.isEmpty()) return validationError(errors);

        Invoice existing = invoicesByOrderId.get(orderId);
        if (existing != null) {
            if (options.repeatedOrderIdIs422()) return validationError(Map.of("order_id", List.of("validation.unique")));
            return ok(existing.json()); // the stored invoice, whatever was asked this time
        }
        if (!options.currencies().isEmpty() && !options.currencies().contains(currency.toUpperCase(Locale.ROOT))) {
            return error(422, "The currency was not found");
        }
        Invoice invoice = new Invoice(UUID.randomUUID().toString(), orderId, currency.toUpperCase(Locale.ROOT),
                normalise(new BigDecimal(amount), currency), lifetime, now());
        invoice.urlCallback = text(p, "url_callback");
        invoice.urlReturn = text(p, "url_return");
        invoice.urlSuccess = text(p, "url_success");
        invoice.multiple = !p.has("is_payment_multiple") || p.get("is_payment_multiple").asBoolean();
        invoice.accuracyPercent = accuracy;
        invoice.additionalData = additional;
        invoicesByOrderId.put(orderId, invoice);
        return ok(invoice.json());
    }

    private Reply paymentInfo(JsonNode p) {
        Optional<Invoice> invoice = identify(p);
        if (invoice == null) return requiredWithout();
        return invoice.map(i -> ok(i.json())).orElseGet(() -> error(404, "Payment not found"));
    }

    private Reply resend(JsonNode p) {
        Optional<Invoice> found = identify(p);
        if (found == null) return requiredWithout();
        if (found.isEmpty()) return error(404, "Payment not found");
        Invoice invoice = found.get();
        if (invoice.urlCallback == null || invoice.lastWebhook == null || !RESENDABLE.contains(invoice.status)) {
            return error(400, "The payment is not final or has no callback url");
        }
        send(invoice.urlCallback, invoice.orderId, invoice.status, invoice.lastWebhook);
        return okRaw("[]");
    }

    private Reply testWebhook(JsonNode p) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String url = text(p, "url_callback");
        if (url == null) errors.put("url_callback", List.of("validation.required"));
        else if (!isUrl(url, 150)) errors.put("url_callback", List.of("validation.url"));
        if (text(p, "currency") == null) errors.put("currency", List.of("validation.required"));
        if (text(p, "network") == null) errors.put("network", List.of("validation.required"));
        String status = Optional.ofNullable(text(p, "status")).orElse("paid");
        if (!TEST_WEBHOOK_STATUSES.contains(status)) errors.put("status", List.of("validation.in"));
        String orderId = text(p, "order_id");
        if (orderId != null && (orderId.length() > 32 || !ORDER_ID.matcher(orderId).matches())) errors.put("order_id", List.of("validation.alpha_dash"));
        if (!errors.isEmpty()) return validationError(errors);
        Optional<Invoice> existing = identify(p);
        Invoice invoice = existing != null && existing.isPresent() ? existing.get()
                : new Invoice(Optional.ofNullable(text(p, "uuid")).orElse(UUID.randomUUID().toString()),
                        Optional.ofNullable(orderId).orElse("test" + messages.get()), text(p, "currency").toUpperCase(Locale.ROOT),
                        new BigDecimal("10.00"), 3600, now());
        send(url, invoice.orderId, status, webhookPayload(invoice, status, isFinalStatus(status)));
        return okRaw("[]");
    }

    /** By order_id (which wins) or uuid; null when neither was given. */
    private Optional<Invoice> identify(JsonNode p) {
        String orderId = text(p, "order_id");
        String uuid = text(p, "uuid");
        if (orderId != null) return Optional.ofNullable(invoicesByOrderId.get(orderId));
        if (uuid != null) return invoicesByOrderId.values().stream().filter(i -> i.uuid.equals(uuid)).findFirst();
        return null;
    }

    private Reply requiredWithout() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put("uuid", List.of("validation.required_without"));
        errors.put("order_id", List.of("validation.required_without"));
        return validationError(errors);
    }

    private Reply ok(Map<String, Object> result) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("state", 0);
        envelope.put("result", result);
        // PHP's default flags: slashes (and non-ASCII) escaped; the adapter's parser must not care.
        boolean php = options.escapeSlashesInResponses();
        return new Reply(200, "application/json", PhpStyleJson.encode(envelope, php, php), Duration.ZERO);
    }

    private static Reply okRaw(String result) {
        return new Reply(200, "application/json", "{\"state\":0,\"result\":" + result + "}", Duration.ZERO);
    }

    private static Reply error(int status, String message) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("state", 1);
        envelope.put("message", message);
        return new Reply(status, "application/json", PhpStyleJson.encode(envelope, true, true), Duration.ZERO);
    }

    private static Reply validationError(Map<String, List<String>> errors) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("state", 1);
        envelope.put("errors", new LinkedHashMap<String, Object>(errors));
        return new Reply(422, "application/json", PhpStyleJson.encode(envelope, true, true), Duration.ZERO);
    }

    // ---- the invoice state machine -------------------------------------------------------------------

    private Instant now() {
        return options.clock().instant().plus(clockOffset.get());
    }

    private Invoice find(String orderId) {
        expireDue();
        Invoice invoice = invoicesByOrderId.get(orderId);
        if (invoice == null) throw new IllegalArgumentException("the fake Heleket has no invoice for order " + orderId);
        return invoice;
    }

    private Invoice open(String orderId) {
        Invoice invoice = find(orderId);
        if (invoice.isFinal) throw new IllegalStateException("invoice of " + orderId + " is final (" + invoice.status + ")");
        return invoice;
    }

    private void expireDue() {
        Instant now = now();
        for (Invoice invoice : invoicesByOrderId.values()) {
            if (!invoice.isFinal && now.isAfter(invoice.expiresAt)) {
                settle(invoice, invoice.paid.signum() > 0 ? "wrong_amount" : "cancel", true);
            }
        }
    }

    private void settle(Invoice invoice, String status, boolean isFinal) {
        invoice.status = status;
        invoice.isFinal = isFinal;
        invoice.touch(now());
        notify(invoice, status, isFinal);
    }

    private void notify(Invoice invoice, String status, boolean isFinal) {
        Map<String, Object> payload = webhookPayload(invoice, status, isFinal);
        invoice.lastWebhook = payload;
        send(invoice.urlCallback, invoice.orderId, status, payload);
    }

    private static boolean isFinalStatus(String status) {
        return !Set.of("check", "process", "confirm_check", "wrong_amount_waiting", "refund_process").contains(status);
    }

    /** Members in the order of real deliveries (reference §7.5). */
    private Map<String, Object> webhookPayload(Invoice invoice, String status, boolean isFinal) {
        BigDecimal rate = options.exchangeRate();
        BigDecimal paidInPayerCurrency = invoice.paid.multiply(rate);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "payment");
        p.put("uuid", invoice.uuid);
        p.put("order_id", invoice.orderId);
        p.put("amount", invoice.amount.toPlainString());
        p.put("payment_amount", eight(paidInPayerCurrency));
        p.put("payment_amount_usd", usd(invoice).toPlainString());
        p.put("merchant_amount", eight(paidInPayerCurrency.multiply(new BigDecimal("0.98"))));
        p.put("commission", eight(paidInPayerCurrency.multiply(new BigDecimal("0.02"))));
        p.put("is_final", isFinal);
        p.put("status", status);
        p.put("from", invoice.from);
        p.put("wallet_address_uuid", null);
        p.put("network", invoice.network == null ? "tron" : invoice.network);
        p.put("currency", invoice.currency);
        p.put("payer_currency", invoice.payerCurrency == null ? options.payerCurrency() : invoice.payerCurrency);
        p.put("payer_amount", eight(invoice.amount.multiply(rate)));
        p.put("payer_amount_exchange_rate", eight(rate));
        p.put("additional_data", invoice.additionalData);
        p.put("transfer_id", null);
        if (invoice.txid != null) p.put("txid", invoice.txid);
        return p;
    }

    private BigDecimal usd(Invoice invoice) {
        BigDecimal inUsd = invoice.currency.equals("USD") ? invoice.paid : invoice.paid.multiply(options.exchangeRate());
        return inUsd.setScale(2, RoundingMode.DOWN);
    }

    private static String eight(BigDecimal value) {
        return value.setScale(8, RoundingMode.DOWN).toPlainString();
    }

    private static BigDecimal normalise(BigDecimal amount, String currency) {
        boolean fiat;
        try {
            Currency.getInstance(currency.toUpperCase(Locale.ROOT));
            fiat = true;
        } catch (IllegalArgumentException e) {
            fiat = false;
        }
        return amount.setScale(fiat ? 2 : 8, RoundingMode.HALF_UP);
    }

    // ---- webhooks ----------------------------------------------------------------------------------------

    private void send(String url, String orderId, String status, Map<String, Object> payload, WebhookTwist... twists) {
        if (url == null) return; // no url_callback, no webhook
        byte[] body = webhookBody(payload, twists.length == 0 ? EnumSet.noneOf(WebhookTwist.class) : EnumSet.copyOf(List.of(twists)));
        int message = messages.incrementAndGet();
        pendingMessages.incrementAndGet();
        attempt(message, 1, url, orderId, status, body);
    }

    private void attempt(int message, int attempt, String url, String orderId, String status, byte[] body) {
        List<Duration> delays = options.webhookRetryDelays();
        webhookThread.schedule(() -> {
            int code;
            String answer;
            try {
                HttpResponse<String> response = webhookClient.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(options.webhookTimeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                code = response.statusCode();
                answer = response.body();
            } catch (IOException e) {
                code = -1;
                answer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            deliveries.add(new WebhookDelivery(message, attempt, url, orderId, status, body, code, answer, now()));
            if ((code < 200 || code >= 300) && attempt < delays.size()) {
                attempt(message, attempt + 1, url, orderId, status, body);
            } else {
                pendingMessages.decrementAndGet();
            }
        }, delays.get(attempt - 1).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Signs as Heleket does (PHP encoding, unicode raw, slashes escaped), then spoils on request. */
    private byte[] webhookBody(Map<String, Object> payload, Set<WebhookTwist> twists) {
        Map<String, Object> signedPayload = twists.contains(WebhookTwist.REORDERED_AND_SIGNED) ? reversed(payload) : payload;
        String key = twists.contains(WebhookTwist.WRONG_KEY) ? "not-" + options.paymentKey() : options.paymentKey();
        String sign = signOf(PhpStyleJson.encode(signedPayload, false, true).getBytes(StandardCharsets.UTF_8), key);
        if (twists.contains(WebhookTwist.SIGN_UPPER_CASE)) sign = sign.toUpperCase(Locale.ROOT);
        Map<String, Object> delivered = new LinkedHashMap<>(signedPayload);
        if (twists.contains(WebhookTwist.TAMPERED_STATUS)) {
            delivered.put("status", "paid");
            delivered.put("is_final", true);
        }
        if (twists.contains(WebhookTwist.TAMPERED_AMOUNT)) delivered.put("amount", "0.01");
        if (twists.contains(WebhookTwist.KEYS_SHUFFLED_AFTER_SIGNING)) delivered = reversed(delivered);
        if (!twists.contains(WebhookTwist.SIGN_MISSING)) delivered.put("sign", sign);
        boolean escapeUnicode = options.escapeUnicodeInWebhooks() || twists.contains(WebhookTwist.UNICODE_ESCAPED);
        boolean escapeSlashes = !twists.contains(WebhookTwist.SLASHES_UNESCAPED);
        return PhpStyleJson.encode(delivered, escapeUnicode, escapeSlashes).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> reversed(Map<String, Object> map) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(map.entrySet());
        java.util.Collections.reverse(entries);
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    // ---- small things ----------------------------------------------------------------------------------------

    static String signOf(byte[] body, String key) {
        byte[] base64 = Base64.getEncoder().encode(body);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[base64.length + keyBytes.length];
        System.arraycopy(base64, 0, both, 0, base64.length);
        System.arraycopy(keyBytes, 0, both, base64.length, keyBytes.length);
        return HexFormat.of().formatHex(md5(both));
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static boolean isUrl(String url, int maxLength) {
        if (url.length() < 6 || url.length() > maxLength) return false;
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One invoice's state; guarded by the fake's lock. */
    private final class Invoice {
        final String uuid;
        final String orderId;
        String currency;
        BigDecimal amount;
        final long lifetime;
        final Instant createdAt;
        Instant updatedAt;
        Instant expiresAt;
        String urlCallback;
        String urlReturn;
        String urlSuccess;
        boolean multiple = true;
        BigDecimal accuracyPercent = BigDecimal.ZERO;
        String additionalData;
        String status = "check";
        boolean isFinal;
        BigDecimal paid = BigDecimal.ZERO;
        String payerCurrency;
        String network;
        String from;
        String txid;
        Map<String, Object> lastWebhook;

        Invoice(String uuid, String orderId, String currency, BigDecimal amount, long lifetime, Instant now) {
            this.uuid = uuid;
            this.orderId = orderId;
            this.currency = currency;
            this.amount = amount;
            this.lifetime = lifetime;
            this.createdAt = now;
            this.updatedAt = now;
            this.expiresAt = now.plusSeconds(lifetime);
        }

        void touch(Instant now) {
            updatedAt = now;
        }

        String payUrl() {
            return "https://" + options.payHost() + "/pay/" + uuid;
        }

        /** The invoice object of reference §2, in Heleket's member order. */
        Map<String, Object> json() {
            BigDecimal rate = options.exchangeRate();
            boolean paidSomething = paid.signum() > 0;
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("uuid", uuid);
            j.put("order_id", orderId);
            j.put("amount", amount.toPlainString());
            j.put("payment_amount", paidSomething ? eight(paid.multiply(rate)) : null);
            j.put("payment_amount_usd", usd(this).toPlainString());
            j.put("payer_amount", payerCurrency == null ? null : eight(amount.multiply(rate)));
            j.put("payer_amount_exchange_rate", payerCurrency == null ? null : eight(rate));
            j.put("discount_percent", 0);
            j.put("discount", "0.00000000");
            j.put("payer_currency", payerCurrency);
            j.put("currency", currency);
            j.put("comments", null);
            j.put("merchant_amount", paidSomething ? eight(paid.multiply(rate).multiply(new BigDecimal("0.98"))) : null);
            j.put("commission", paidSomething ? eight(paid.multiply(rate).multiply(new BigDecimal("0.02"))) : "0.00000000");
            j.put("network", network);
            j.put("address", network == null ? null : "TFakeDepositAddress" + Math.abs(uuid.hashCode()));
            j.put("from", from);
            j.put("txid", txid);
            j.put("payment_status", status);
            j.put("url", payUrl());
            j.put("expired_at", expiresAt.getEpochSecond());
            j.put("status", status);
            j.put("is_final", isFinal);
            j.put("additional_data", additionalData);
            j.put("created_at", OffsetDateTime.ofInstant(createdAt, ZoneOffset.ofHours(3)).format(MOSCOW_TIME));
            j.put("updated_at", OffsetDateTime.ofInstant(updatedAt, ZoneOffset.ofHours(3)).format(MOSCOW_TIME));
            return j;
        }

        InvoiceView view() {
            return new InvoiceView(uuid, orderId, amount.toPlainString(), currency, status, isFinal, lifetime, urlCallback, urlReturn,
                    urlSuccess, paid, expiresAt, additionalData, payUrl());
        }
    }
}
