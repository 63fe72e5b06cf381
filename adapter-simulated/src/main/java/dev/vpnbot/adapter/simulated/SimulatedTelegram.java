package dev.vpnbot.adapter.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * SANDBOX ONLY — a simulated Telegram Bot API on 127.0.0.1 with one private chat in it.
 *
 * <p>The real bot talks to it over HTTP exactly as it talks to api.telegram.org (the sandbox
 * points TELEGRAM_API_URL here), so every screen, button and message goes through the real
 * Telegram adapter. What the bot sends is handed to a listener (the terminal chat); what the
 * person types comes back as updates.
 */
public final class SimulatedTelegram implements AutoCloseable {
    /** A syntactically valid token the simulator accepts; it opens nothing real. */
    public static final String TOKEN = "100000000:SANDBOX-simulated-telegram-token";
    private static final long BOT_ID = 100000000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An inline button: a callback (data), a link (url), or text to copy. */
    public record Button(String text, String data, String url, String copyText) {}

    /** What the bot showed: a new message, an edit of an earlier one, or a photo. */
    public record Shown(int messageId, boolean edit, boolean photo, String text, List<List<Button>> keyboard) {}

    private final long chatId;
    private final String firstName;
    private final String languageCode;
    private final Consumer<Shown> listener;
    private final HttpServer server;
    private final Object monitor = new Object();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private int nextUpdateId = 1;
    private int nextMessageId = 1;
    /** Stars invoices shown, by message id: what pressing their Pay button pays. */
    private final Map<Integer, ObjectNode> invoices = new java.util.concurrent.ConcurrentHashMap<>();
    /** Pre-checkout queries asked and not answered yet, by id. */
    private final Map<String, ObjectNode> checkouts = new java.util.concurrent.ConcurrentHashMap<>();
    /** The data of the Pay button under a simulated Stars invoice (never sent to the bot). */
    static final String PAY_STARS = "sandbox-pay-stars:";

    public SimulatedTelegram(long chatId, String firstName, String languageCode, Consumer<Shown> listener) {
        this.chatId = chatId;
        this.firstName = firstName;
        this.languageCode = languageCode;
        this.listener = listener;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-telegram");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The base URL to give the bot as TELEGRAM_API_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The person typed a message (or a /command). */
    public void type(String text) {
        ObjectNode message = message(nextMessageId(), user(), text);
        push(JSON.createObjectNode().set("message", message));
    }

    /** The person pressed a callback button under one of the bot's messages (or Pay under a Stars invoice). */
    public void press(int messageId, String data) {
        if (data.startsWith(PAY_STARS)) {
            payStars(Integer.parseInt(data.substring(PAY_STARS.length())));
            return;
        }
        ObjectNode query = JSON.createObjectNode();
        query.put("id", "sandbox-" + System.nanoTime());
        query.set("from", user());
        query.set("message", message(messageId, bot(), "…"));
        query.put("chat_instance", "sandbox");
        query.put("data", data);
        push(JSON.createObjectNode().set("callback_query", query));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void push(ObjectNode update) {
        synchronized (monitor) {
            update.put("update_id", nextUpdateId++);
            updates.addLast(update);
            monitor.notifyAll();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, error("Unauthorized: the sandbox accepts only its own token"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            Map<String, String> params = params(exchange);
            JsonNode result = switch (method) {
                case "getupdates" -> takeUpdates(parseLong(params.get("offset")));
                case "sendmessage", "sendphoto", "editmessagetext", "editmessagecaption" -> show(method, params);
                case "getme" -> bot();
                case "sendinvoice" -> invoice(params);
                case "answerprecheckoutquery" -> checkoutAnswered(params);
                case "refundstarpayment" -> refunded(params);
                default -> JSON.getNodeFactory().booleanNode(true); // answerCallbackQuery, setMyCommands, deleteWebhook…
            };
            ObjectNode ok = JSON.createObjectNode().put("ok", true);
            ok.set("result", result);
            respond(exchange, 200, ok);
        }
    }

    private JsonNode show(String method, Map<String, String> params) {
        boolean edit = method.startsWith("edit");
        int id = edit ? (int) parseLong(params.get("message_id")) : nextMessageId();
        String text = params.getOrDefault("text", params.getOrDefault("caption", ""));
        listener.accept(new Shown(id, edit, method.equals("sendphoto"), text, keyboard(params.get("reply_markup"))));
        return message(id, bot(), text);
    }

    // ---- simulated Telegram Stars: as Telegram would, ask the bot before taking the stars -------------

    /** sendInvoice: shown with a Pay button; the invoice is kept for when it is pressed. */
    private JsonNode invoice(Map<String, String> params) {
        int id = nextMessageId();
        long amount = 0;
        try {
            for (JsonNode price : JSON.readTree(params.getOrDefault("prices", "[]"))) amount += price.path("amount").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode invoice = JSON.createObjectNode().put("title", params.get("title")).put("description", params.get("description"))
                .put("currency", params.get("currency")).put("total_amount", amount).put("payload", params.get("payload"));
        invoices.put(id, invoice);
        String text = "🧾 " + params.get("title") + "\n" + params.get("description") + "\n⭐ " + amount + " " + params.get("currency");
        listener.accept(new Shown(id, false, false, text,
                List.of(List.of(new Button("⭐ Pay " + amount + " (simulated Stars)", PAY_STARS + id, null, null)))));
        ObjectNode message = message(id, bot(), "");
        message.remove("text");
        message.set("invoice", invoice.deepCopy().without("payload"));
        return message;
    }

    /** Pay pressed: a pre_checkout_query for the bot, as Telegram sends before charging. */
    private void payStars(int invoiceMessage) {
        ObjectNode invoice = invoices.get(invoiceMessage);
        if (invoice == null) return;
        String id = "sandbox-pcq-" + System.nanoTime();
        checkouts.put(id, invoice);
        ObjectNode query = JSON.createObjectNode().put("id", id);
        query.set("from", user());
        query.put("currency", invoice.get("currency").asText()).put("total_amount", invoice.get("total_amount").asLong())
                .put("invoice_payload", invoice.get("payload").asText());
        push(JSON.createObjectNode().set("pre_checkout_query", query));
    }

    /** The bot said yes: the stars are taken and successful_payment arrives; no: the person sees why. */
    private JsonNode checkoutAnswered(Map<String, String> params) {
        ObjectNode invoice = checkouts.remove(params.get("pre_checkout_query_id"));
        if (invoice == null) return JSON.getNodeFactory().booleanNode(false);
        if (!"true".equals(params.get("ok"))) {
            listener.accept(new Shown(nextMessageId(), false, false, "Telegram: payment declined: " + params.get("error_message"), List.of()));
            return JSON.getNodeFactory().booleanNode(true);
        }
        ObjectNode message = message(nextMessageId(), user(), "");
        message.remove("text");
        message.putObject("successful_payment").put("currency", invoice.get("currency").asText())
                .put("total_amount", invoice.get("total_amount").asLong()).put("invoice_payload", invoice.get("payload").asText())
                .put("telegram_payment_charge_id", "sandbox-charge-" + System.nanoTime()).put("provider_payment_charge_id", "");
        push(JSON.createObjectNode().set("message", message));
        return JSON.getNodeFactory().booleanNode(true);
    }

    private JsonNode refunded(Map<String, String> params) {
        listener.accept(new Shown(nextMessageId(), false, false, "Telegram: Stars of charge " + params.get("telegram_payment_charge_id")
                + " returned to you (simulated)", List.of()));
        return JSON.getNodeFactory().booleanNode(true);
    }

    private JsonNode takeUpdates(long offset) {
        ArrayNode out = JSON.createArrayNode();
        synchronized (monitor) {
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
            if (updates.isEmpty()) {
                try {
                    monitor.wait(1000); // hold the long poll like Telegram does, so the poller does not spin
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            updates.forEach(out::add);
        }
        return out;
    }

    private static List<List<Button>> keyboard(String markup) {
        List<List<Button>> rows = new ArrayList<>();
        if (markup == null) return rows;
        try {
            for (JsonNode row : JSON.readTree(markup).path("inline_keyboard")) {
                List<Button> buttons = new ArrayList<>();
                for (JsonNode b : row) {
                    buttons.add(new Button(b.path("text").asText(), b.hasNonNull("callback_data") ? b.get("callback_data").asText() : null,
                            b.hasNonNull("url") ? b.get("url").asText() : null,
                            b.has("copy_text") ? b.path("copy_text").path("text").asText() : null));
                }
                rows.add(buttons);
            }
        } catch (IOException e) {
            // a keyboard we cannot read is shown as none
        }
        return rows;
    }

    /** JSON bodies and multipart form fields (photos); file parts are skipped: the terminal cannot show them. */
    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> params = new LinkedHashMap<>();
        if (body.length == 0) return params;
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            JSON.readTree(body).fields().forEachRemaining(e ->
                    params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            return params;
        }
        String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "").split(";")[0];
        String raw = new String(body, StandardCharsets.UTF_8);
        for (String part : raw.split(java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0 || part.contains("filename=")) continue;
            String headers = part.substring(0, split);
            int nameAt = headers.indexOf("name=\"");
            if (nameAt < 0) continue;
            String name = headers.substring(nameAt + 6, headers.indexOf('"', nameAt + 6));
            String value = part.substring(split + 4);
            params.put(name, value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
        }
        return params;
    }

    private ObjectNode message(int id, ObjectNode from, String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", id);
        m.set("from", from);
        m.set("chat", JSON.createObjectNode().put("id", chatId).put("type", "private").put("first_name", firstName));
        m.put("date", System.currentTimeMillis() / 1000);
        m.put("text", text);
        if (text.startsWith("/")) {
            int length = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", length);
        }
        return m;
    }

    private ObjectNode user() {
        return JSON.createObjectNode().put("id", chatId).put("is_bot", false).put("first_name", firstName)
                .put("language_code", languageCode);
    }

    private static ObjectNode bot() {
        return JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "vpnbot sandbox")
                .put("username", "vpnbot_sandbox_bot");
    }

    private int nextMessageId() {
        synchronized (monitor) {
            return nextMessageId++;
        }
    }

    private static ObjectNode error(String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", 401).put("description", description);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
