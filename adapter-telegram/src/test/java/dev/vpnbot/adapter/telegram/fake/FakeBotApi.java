package dev.vpnbot.adapter.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * An in-process Telegram Bot API for tests (JDK HttpServer on 127.0.0.1, any free port).
 *
 * <p>It serves {@code /bot<TOKEN>/<method>} with method names matched case-insensitively,
 * reads JSON and multipart bodies, records every call (messages, photos with their bytes,
 * edits, callback answers…), hands queued updates to {@code getUpdates} (holding the request up
 * to 500 ms when there are none, honouring {@code offset}), answers {@code deleteWebhook},
 * {@code setWebhook}, {@code setMyCommands} and {@code getMe}, and can be told to fail calls
 * with 429 (retry_after) or 403 (bot blocked by the user). {@code deleteMessage} is recorded and
 * answered true. For benchmarks it can hold every answer for a round trip ({@link #roundTrip}) and
 * keep Telegram's flood limit on its own ({@link #floodLimit}): more messages in one second than
 * allowed are refused with 429 and {@code parameters.retry_after}, as Telegram does (Bot API,
 * "ResponseParameters": retry_after, the seconds to wait when flood control is exceeded; the
 * FAQ's "no more than 30 messages per second" for bulk notifications).
 *
 * <p>Telegram Stars, field for field as the Bot API documents them (core.telegram.org/bots/api,
 * "Payments"; the same names as the library's objects: telegrambots-meta
 * {@code objects/payments/PreCheckoutQuery.java}, {@code SuccessfulPayment.java},
 * {@code RefundedPayment.java}, {@code methods/AnswerPreCheckoutQuery.java},
 * {@code methods/payments/RefundStarPayment.java}, {@code methods/invoices/SendInvoice.java}):
 * {@code sendInvoice} answers the sent Message with its {@code invoice} (title, description,
 * start_parameter, currency, total_amount); {@code answerPreCheckoutQuery} and
 * {@code refundStarPayment} answer true, a second refund of one charge 400
 * "Bad Request: CHARGE_ALREADY_REFUNDED"; the buyer's side is pushed as updates:
 * {@link #userPreCheckout} (a {@code pre_checkout_query}), {@link #userPaid} (a message with
 * {@code successful_payment}) and {@link #telegramRefunded} (a message with {@code refunded_payment}).
 *
 * <p>Point a client at it with {@code TelegramSettings.builder(FakeBotApi.TOKEN).apiBaseUrl(api.baseUrl())}.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456789:FAKE-token_for-tests";
    public static final long BOT_ID = 123456789L;
    private static final Duration HOLD = Duration.ofMillis(500);

    /** An inline button as the bot sent it. */
    public record Button(String text, String callbackData, String url, String copyText) {}

    /**
     * One request the bot made.
     *
     * @param method    lower case, e.g. "sendmessage"
     * @param params    the fields; nested objects (reply_markup…) as JSON text
     * @param file      the uploaded file (photo), or null
     * @param chatId    the chat the call is about (0 when none)
     * @param messageId the message sent or edited (0 when none)
     * @param failedWith the error code we answered with, 0 for success
     */
    public record Call(int seq, String method, Map<String, String> params, byte[] file, long chatId, int messageId,
                       int failedWith, long atNanos) {
        public String text() {
            return params.containsKey("text") ? params.get("text") : params.getOrDefault("caption", "");
        }

        public boolean ok() {
            return failedWith == 0;
        }

        public List<Button> buttons() {
            String markup = params.get("reply_markup");
            if (markup == null) return List.of();
            List<Button> out = new ArrayList<>();
            try {
                JsonNode keyboard = JSON.readTree(markup).path("inline_keyboard");
                for (JsonNode row : keyboard) {
                    for (JsonNode b : row) {
                        out.add(new Button(b.path("text").asText(), textOrNull(b, "callback_data"), textOrNull(b, "url"),
                                b.has("copy_text") ? b.path("copy_text").path("text").asText() : null));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        /** The callback data of the first button whose data starts with {@code prefix}. */
        public String data(String prefix) {
            return buttons().stream().map(Button::callbackData).filter(d -> d != null && d.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no button with data '" + prefix + "…' in " + buttons()));
        }

        /** The first button whose label contains {@code text}. */
        public Button button(String text) {
            return buttons().stream().filter(b -> b.text().contains(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("no button '" + text + "' in " + buttons()));
        }

        public boolean isContent() {
            return method.equals("sendmessage") || method.equals("sendphoto") || method.equals("editmessagetext");
        }

        private static String textOrNull(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asText() : null;
        }
    }

    private record Failure(int code, String description, Integer retryAfter) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final Object monitor = new Object();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Failure>> chatFailures = new ConcurrentHashMap<>();
    private final Set<Long> blockedChats = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> lastUserMessages = new ConcurrentHashMap<>();
    private final Set<String> refundedCharges = ConcurrentHashMap.newKeySet();
    /** Channels (by @name) the bot can see, with their members' ids. */
    private final Map<String, Set<Long>> channels = new ConcurrentHashMap<>();
    private int nextUpdateId = 1;
    private int nextMessageId = 100;
    private volatile long roundTripNanos;
    private volatile java.util.function.Consumer<Call> listener = c -> {};
    /** Messages (to any chat) allowed in any one second; 0 for no limit. */
    private volatile int floodLimit;
    private final ArrayDeque<Long> recentMessages = new ArrayDeque<>();
    private int floodRefusals;

    private FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeBotApi start() {
        try {
            return new FakeBotApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** E.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- updates the "users" send ----------------------------------------------------------

    /** Queues a raw update; {@code update_id} is assigned here. Returns it. */
    public int push(ObjectNode update) {
        synchronized (monitor) {
            int id = nextUpdateId++;
            update.put("update_id", id);
            updates.addLast(update);
            monitor.notifyAll();
            return id;
        }
    }

    /** A private-chat message (a command when it starts with '/'). */
    public int userSends(long userId, String firstName, String languageCode, String text) {
        int messageId = newMessageId();
        ObjectNode message = message(userId, user(userId, firstName, languageCode), messageId, text);
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        lastUserMessages.put(userId, messageId);
        return push(update);
    }

    /**
     * A photo in a private chat, as Telegram delivers it (https://core.telegram.org/bots/api#message:
     * {@code photo} is an array of PhotoSize, smallest first, each with {@code file_id},
     * {@code file_unique_id}, {@code width}, {@code height} and an optional {@code file_size}; the
     * text is the {@code caption}).
     */
    public int userSendsPhoto(long userId, String firstName, String languageCode, String caption, String fileId, long fileSize) {
        int messageId = newMessageId();
        ObjectNode message = message(userId, user(userId, firstName, languageCode), messageId, null);
        ArrayNode sizes = message.putArray("photo");
        sizes.addObject().put("file_id", fileId + "-thumb").put("file_unique_id", "t" + messageId).put("width", 90).put("height", 90)
                .put("file_size", Math.min(fileSize, 2_000));
        sizes.addObject().put("file_id", fileId).put("file_unique_id", "p" + messageId).put("width", 1280).put("height", 1280)
                .put("file_size", fileSize);
        if (caption != null) message.put("caption", caption);
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        lastUserMessages.put(userId, messageId);
        return push(update);
    }

    /** A file (https://core.telegram.org/bots/api#document: {@code file_id}, {@code file_unique_id}, {@code mime_type}, {@code file_size}). */
    public int userSendsDocument(long userId, String firstName, String languageCode, String caption, String mimeType, long fileSize) {
        int messageId = newMessageId();
        ObjectNode message = message(userId, user(userId, firstName, languageCode), messageId, null);
        message.putObject("document").put("file_id", "doc-in" + messageId).put("file_unique_id", "di" + messageId)
                .put("file_name", "picture.png").put("mime_type", mimeType).put("file_size", fileSize);
        if (caption != null) message.put("caption", caption);
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        lastUserMessages.put(userId, messageId);
        return push(update);
    }

    /** The id of the last message {@code userId} sent (to check that the bot deleted it, say); 0 if none. */
    public int lastMessageIdFrom(long userId) {
        return lastUserMessages.getOrDefault(userId, 0);
    }

    /**
     * The user taps an inline button on one of the bot's messages in their private chat.
     * Returns the callback query id, which the bot's answerCallbackQuery must name.
     */
    public String userPresses(long userId, String firstName, String languageCode, int messageId, String data) {
        String queryId = "cb" + userId + "-" + System.nanoTime();
        ObjectNode query = JSON.createObjectNode();
        query.put("id", queryId);
        query.set("from", user(userId, firstName, languageCode));
        ObjectNode onMessage = message(userId, botUser(), messageId, "…");
        query.set("message", onMessage);
        query.put("chat_instance", "ci" + userId);
        query.put("data", data);
        ObjectNode update = JSON.createObjectNode();
        update.set("callback_query", query);
        push(update);
        return queryId;
    }

    /** Someone in {@code chatId} (a group, or an admin's private chat) replies to a bot message. */
    public int replyToBotMessage(long chatId, long fromId, String firstName, int botMessageId, String botMessageText, String text) {
        ObjectNode original = message(chatId, botUser(), botMessageId, botMessageText);
        ObjectNode message = message(chatId, user(fromId, firstName, "ru"), newMessageId(), text);
        if (chatId < 0) message.set("chat", JSON.createObjectNode().put("id", chatId).put("type", "supergroup").put("title", "Support"));
        message.set("reply_to_message", original);
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return push(update);
    }

    // ---- Telegram Stars, as the buyer's side sends them ----------------------------------------

    /**
     * The buyer pressed Pay on a Stars invoice: Telegram asks the bot (Bot API PreCheckoutQuery:
     * id, from, currency, total_amount, invoice_payload). Returns the query id the answer must name.
     */
    public String userPreCheckout(long userId, String languageCode, String payload, String currency, long amount) {
        String queryId = "pcq" + userId + "-" + System.nanoTime();
        ObjectNode query = JSON.createObjectNode();
        query.put("id", queryId);
        query.set("from", user(userId, "Buyer", languageCode));
        query.put("currency", currency);
        query.put("total_amount", amount);
        query.put("invoice_payload", payload);
        ObjectNode update = JSON.createObjectNode();
        update.set("pre_checkout_query", query);
        push(update);
        return queryId;
    }

    /**
     * The payment went through: a service message from the buyer in their private chat with
     * {@code successful_payment} (currency, total_amount, invoice_payload,
     * telegram_payment_charge_id, provider_payment_charge_id; for Stars the provider id is empty).
     */
    public int userPaid(long userId, String payload, String currency, long amount, String chargeId) {
        ObjectNode message = message(userId, user(userId, "Buyer", "en"), newMessageId(), null);
        ObjectNode paid = message.putObject("successful_payment");
        paid.put("currency", currency);
        paid.put("total_amount", amount);
        paid.put("invoice_payload", payload);
        paid.put("telegram_payment_charge_id", chargeId);
        paid.put("provider_payment_charge_id", "");
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return push(update);
    }

    /**
     * Telegram reports a refund (Bot API RefundedPayment: currency "XTR", total_amount,
     * invoice_payload, telegram_payment_charge_id) as a service message in the payer's chat.
     */
    public int telegramRefunded(long userId, String payload, long amount, String chargeId) {
        ObjectNode message = message(userId, user(userId, "Buyer", "en"), newMessageId(), null);
        ObjectNode refunded = message.putObject("refunded_payment");
        refunded.put("currency", "XTR");
        refunded.put("total_amount", amount);
        refunded.put("invoice_payload", payload);
        refunded.put("telegram_payment_charge_id", chargeId);
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return push(update);
    }

    /** Updates queued and not yet confirmed by an offset. */
    public int pendingUpdates() {
        synchronized (monitor) {
            return updates.size();
        }
    }

    // ---- failures ------------------------------------------------------------------------------

    /** The bot sees {@code channel} (@name) and these users are in it; call again to change who is. */
    public void channel(String channel, Long... members) {
        Set<Long> set = ConcurrentHashMap.newKeySet();
        set.addAll(List.of(members));
        channels.put(channel, set);
    }

    /** The next call of {@code method} fails with this error (queued: several calls fail in turn). */
    public void failNext(String method, int code, String description, Integer retryAfter) {
        failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>()).add(new Failure(code, description, retryAfter));
    }

    /** The next message to this chat (whatever else arrives first) fails so. */
    public void failNextTo(long chatId, int code, String description) {
        chatFailures.computeIfAbsent(chatId, c -> new java.util.concurrent.ConcurrentLinkedDeque<>()).add(new Failure(code, description, null));
    }

    public void failNextWith429(String method, int retryAfterSeconds) {
        failNext(method, 429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    /** Every call about this chat fails like Telegram's answer for a user who blocked the bot. */
    public void blockedBy(long chatId) {
        blockedChats.add(chatId);
    }

    /** The user unblocked the bot. */
    public void unblockedBy(long chatId) {
        blockedChats.remove(chatId);
    }

    // ---- what the bot did --------------------------------------------------------------------

    public List<Call> calls() {
        synchronized (monitor) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(m)).toList();
    }

    /** The number of calls so far: pass it to {@link #awaitAfter} to see only what comes next. */
    public int mark() {
        synchronized (monitor) {
            return calls.size();
        }
    }

    /** The first call after {@code mark} that matches, waiting up to {@code timeout}. */
    public Call awaitAfter(int mark, Duration timeout, Predicate<Call> wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (true) {
                for (int i = mark; i < calls.size(); i++) {
                    if (wanted.test(calls.get(i))) return calls.get(i);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no matching call within " + timeout + "; calls after mark: " + describe(mark));
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /** The next successful message, photo or edit in {@code chatId} after {@code mark}. */
    public Call awaitContent(int mark, long chatId) {
        return awaitAfter(mark, Duration.ofSeconds(30), c -> c.ok() && c.isContent() && c.chatId() == chatId); // generous: a busy machine, never a slow pass
    }

    /** Waits until {@code count} calls of a method have been made (successful or not). */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        String m = method.toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (true) {
                List<Call> matching = calls.stream().filter(c -> c.method().equals(m)).toList();
                if (matching.size() >= count) return matching;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("only " + matching.size() + " " + method + " calls within " + timeout);
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    private String describe(int mark) {
        StringBuilder out = new StringBuilder();
        for (int i = mark; i < calls.size(); i++) {
            Call c = calls.get(i);
            out.append("\n  ").append(c.method()).append(" chat=").append(c.chatId()).append(c.ok() ? "" : " FAILED " + c.failedWith())
                    .append(" text=").append(c.text().length() > 80 ? c.text().substring(0, 80) + "…" : c.text());
        }
        return out.toString();
    }

    /** Told of every call as it is recorded (on the serving thread), for load drivers that time answers. */
    public void onCall(java.util.function.Consumer<Call> listener) {
        this.listener = listener;
    }

    /** Every answer (but getUpdates') waits this long first, like a distant Bot API. */
    public void roundTrip(Duration rtt) {
        roundTripNanos = rtt.toNanos();
    }

    /** Refuses messages beyond {@code perSecond} in any one second with 429, retry_after 1 (0: no limit). */
    public void floodLimit(int perSecond) {
        floodLimit = perSecond;
    }

    /** Messages refused by the flood limit so far. */
    public int floodRefusals() {
        synchronized (recentMessages) {
            return floodRefusals;
        }
    }

    /** Counts a message against the flood limit; false when it is over the limit (and refused). */
    private boolean withinFloodLimit(String method) {
        int limit = floodLimit;
        if (limit == 0 || !(method.equals("sendmessage") || method.equals("sendphoto") || method.equals("editmessagetext"))) return true;
        long now = System.nanoTime();
        synchronized (recentMessages) {
            while (!recentMessages.isEmpty() && now - recentMessages.peekFirst() >= 1_000_000_000L) recentMessages.pollFirst();
            if (recentMessages.size() >= limit) {
                floodRefusals++;
                return false;
            }
            recentMessages.addLast(now);
            return true;
        }
    }

    // ---- serving -----------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = new LinkedHashMap<>();
            byte[] file = parseBody(contentType, body, params);
            if (method.equals("getupdates")) {
                record(method, params, null, 0, 0, 0);
                respond(exchange, 200, ok(getUpdates(params)));
                return;
            }
            answer(exchange, method, params, file);
        }
    }

    private void answer(HttpExchange exchange, String method, Map<String, String> params, byte[] file) throws IOException {
        long chatId = parseLong(params.get("chat_id"));
        if (roundTripNanos > 0) {
            try {
                Thread.sleep(roundTripNanos / 1_000_000, (int) (roundTripNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Failure failure = Optional.ofNullable(failures.get(method)).map(Deque::poll).orElse(null);
        if (failure == null && !method.equals("getupdates")) failure = Optional.ofNullable(chatFailures.get(chatId)).map(Deque::poll).orElse(null);
        if (failure == null && !withinFloodLimit(method)) failure = new Failure(429, "Too Many Requests: retry after 1", 1);
        if (failure == null && chatId != 0 && blockedChats.contains(chatId) && !method.equals("answercallbackquery")) {
            failure = new Failure(403, "Forbidden: bot was blocked by the user", null);
        }
        if (failure != null) {
            record(method, params, file, chatId, 0, failure.code());
            respond(exchange, failure.code(), error(failure.code(), failure.description(), failure.retryAfter()));
            return;
        }
        JsonNode result;
        int messageId = 0;
        switch (method) {
            case "sendmessage", "sendphoto", "senddocument" -> {
                messageId = newMessageId();
                ObjectNode message = message(chatId, botUser(), messageId, params.getOrDefault("text", null));
                if (method.equals("senddocument")) {
                    // https://core.telegram.org/bots/api#document: what Telegram answers for an uploaded file
                    message.remove("text");
                    message.putObject("document").put("file_id", "doc" + messageId).put("file_unique_id", "d" + messageId)
                            .put("file_size", file == null ? 0 : file.length);
                    if (params.containsKey("caption")) message.put("caption", params.get("caption"));
                }
                if (method.equals("sendphoto")) {
                    message.remove("text");
                    ArrayNode photo = message.putArray("photo");
                    photo.addObject().put("file_id", "photo" + messageId).put("file_unique_id", "u" + messageId).put("width", 512).put("height", 512);
                    if (params.containsKey("caption")) message.put("caption", params.get("caption"));
                }
                result = message;
            }
            case "editmessagetext" -> {
                messageId = (int) parseLong(params.get("message_id"));
                result = message(chatId, botUser(), messageId, params.get("text"));
            }
            case "answercallbackquery", "setmycommands", "deletewebhook", "setwebhook", "deletemessage", "answerprecheckoutquery" ->
                    result = JSON.getNodeFactory().booleanNode(true);
            case "sendinvoice" -> {
                messageId = newMessageId();
                ObjectNode message = message(chatId, botUser(), messageId, null);
                ObjectNode invoice = message.putObject("invoice");
                invoice.put("title", params.get("title"));
                invoice.put("description", params.get("description"));
                invoice.put("start_parameter", params.getOrDefault("start_parameter", ""));
                invoice.put("currency", params.get("currency"));
                invoice.put("total_amount", totalAmount(params.get("prices")));
                result = message;
            }
            case "refundstarpayment" -> {
                if (!refundedCharges.add(params.get("telegram_payment_charge_id"))) {
                    record(method, params, file, chatId, 0, 400);
                    respond(exchange, 400, error(400, "Bad Request: CHARGE_ALREADY_REFUNDED", null));
                    return;
                }
                result = JSON.getNodeFactory().booleanNode(true);
            }
            case "getme" -> result = botUser();
            case "getchatmember" -> {
                // https://core.telegram.org/bots/api#getchatmember: a ChatMember by its status; an unknown chat is a 400
                Set<Long> members = channels.get(params.get("chat_id"));
                if (members == null) {
                    record(method, params, file, 0, 0, 400);
                    respond(exchange, 400, error(400, "Bad Request: chat not found", null));
                    return;
                }
                long userId = parseLong(params.get("user_id"));
                ObjectNode member = JSON.createObjectNode().put("status", members.contains(userId) ? "member" : "left");
                member.putObject("user").put("id", userId).put("is_bot", false).put("first_name", "User");
                result = member;
            }
            default -> {
                record(method, params, file, chatId, 0, 404);
                respond(exchange, 404, error(404, "Not Found: method not found", null));
                return;
            }
        }
        record(method, params, file, chatId, messageId, 0);
        respond(exchange, 200, ok(result));
    }

    private JsonNode getUpdates(Map<String, String> params) {
        long offset = parseLong(params.get("offset"));
        int limit = params.containsKey("limit") ? (int) parseLong(params.get("limit")) : 100;
        long timeoutMs = params.containsKey("timeout") ? parseLong(params.get("timeout")) * 1000 : 0;
        long deadline = System.nanoTime() + Math.min(timeoutMs, HOLD.toMillis()) * 1_000_000;
        ArrayNode out = JSON.createArrayNode();
        synchronized (monitor) {
            while (true) {
                // an offset confirms every update before it: they are gone for good
                for (Iterator<ObjectNode> it = updates.iterator(); it.hasNext(); ) {
                    if (it.next().get("update_id").asLong() < offset) it.remove();
                }
                if (!updates.isEmpty()) break;
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (ObjectNode update : updates) {
                if (out.size() >= limit) break;
                out.add(update);
            }
        }
        return out;
    }

    private void record(String method, Map<String, String> params, byte[] file, long chatId, int messageId, int failedWith) {
        Call call;
        synchronized (monitor) {
            call = new Call(calls.size(), method, Map.copyOf(params), file, chatId, messageId, failedWith, System.nanoTime());
            calls.add(call);
            monitor.notifyAll();
        }
        listener.accept(call);
    }

    private int newMessageId() {
        synchronized (monitor) {
            return nextMessageId++;
        }
    }

    // ---- JSON and multipart --------------------------------------------------------------------

    private static byte[] parseBody(String contentType, byte[] body, Map<String, String> params) throws IOException {
        if (body.length == 0) return null;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return parseMultipart(contentType, body, params);
        }
        JsonNode node = JSON.readTree(body);
        node.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return null;
    }

    /** Text parts become params; the one part with a filename is the file. */
    private static byte[] parseMultipart(String contentType, byte[] body, Map<String, String> params) {
        String boundary = null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.startsWith("boundary=")) boundary = p.substring("boundary=".length()).replace("\"", "");
        }
        if (boundary == null) throw new IllegalArgumentException("multipart without boundary");
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets in the string are offsets in the body
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        byte[] file = null;
        int pos = raw.indexOf(delimiter);
        while (pos >= 0) {
            int start = pos + delimiter.length();
            if (raw.startsWith("--", start)) break;
            start = raw.indexOf("\r\n", start) + 2;
            int headersEnd = raw.indexOf("\r\n\r\n", start);
            String headers = raw.substring(start, headersEnd);
            int next = raw.indexOf("\r\n" + delimiter, headersEnd + 4);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
            String name = attribute(headers, "name");
            if (attribute(headers, "filename") != null) file = content;
            else if (name != null) params.put(name, new String(content, StandardCharsets.UTF_8));
            pos = next + 2;
        }
        return file;
    }

    private static String attribute(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition")) continue;
            for (String piece : line.split(";")) {
                String p = piece.strip();
                if (p.startsWith(name + "=")) return p.substring(name.length() + 1).replace("\"", "");
            }
        }
        return null;
    }

    private static ObjectNode message(long chatId, ObjectNode from, int messageId, String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", messageId);
        m.set("from", from);
        m.set("chat", JSON.createObjectNode().put("id", chatId).put("type", chatId > 0 ? "private" : "supergroup"));
        m.put("date", 1_767_225_600);
        if (text != null) {
            m.put("text", text);
            if (text.startsWith("/")) {
                int length = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
                m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", length);
            }
        }
        return m;
    }

    private static ObjectNode user(long id, String firstName, String languageCode) {
        ObjectNode u = JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", firstName);
        if (languageCode != null) u.put("language_code", languageCode);
        return u;
    }

    private static ObjectNode botUser() {
        return JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "VPN Bot").put("username", "vpn_test_bot");
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode node = JSON.createObjectNode().put("ok", true);
        node.set("result", result);
        return node;
    }

    private static ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode node = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) node.putObject("parameters").put("retry_after", retryAfter);
        return node;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The sum of the LabeledPrice amounts (Bot API: "prices", an array of {label, amount}). */
    private static long totalAmount(String prices) {
        try {
            long sum = 0;
            for (JsonNode price : JSON.readTree(prices == null ? "[]" : prices)) sum += price.path("amount").asLong();
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parseLong(String value) {
        if (value == null || value.isBlank()) return 0;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
