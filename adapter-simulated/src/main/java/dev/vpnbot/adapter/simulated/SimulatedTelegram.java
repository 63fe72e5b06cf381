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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * SANDBOX ONLY — a simulated Telegram Bot API on 127.0.0.1 with one private chat in it.
 *
 * <p>The real bot talks to it over HTTP exactly as it talks to api.telegram.org (the sandbox
 * points TELEGRAM_API_URL here), so every screen, button and message goes through the real
 * Telegram adapter. What the bot sends is handed to a listener (the terminal chat); what the
 * person types comes back as updates.
 *
 * <p>It answers the way Telegram does where that shows on screen: an edit of a photo message,
 * of a message that is gone, or one that changes nothing is refused with Telegram's own 400
 * errors (so the bot's fallback, a new message, is what the person sees, as in a real chat);
 * callback answers with a text reach the screen as pop-ups; photos and documents are saved as
 * files. Errors as in the Bot API documentation (https://core.telegram.org/bots/api#editmessagetext)
 * and as Telegram words them: "Bad Request: there is no text in the message to edit", "Bad Request:
 * message to edit not found", "Bad Request: message is not modified: …".
 */
public final class SimulatedTelegram implements AutoCloseable {
    /** A syntactically valid token the simulator accepts; it opens nothing real. */
    public static final String TOKEN = "100000000:SANDBOX-simulated-telegram-token";
    private static final long BOT_ID = 100000000L;
    static final ObjectMapper JSON = new ObjectMapper();

    /** An inline button: a callback (data), a link (url), or text to copy. */
    public record Button(String text, String data, String url, String copyText) {}

    /**
     * What the bot showed: a new message, an edit of an earlier one, a photo or a document.
     *
     * @param file the photo or document as saved on disk, or null for a text message
     */
    public record Shown(int messageId, boolean edit, boolean photo, String text, List<List<Button>> keyboard, Path file) {
        public Shown(int messageId, boolean edit, boolean photo, String text, List<List<Button>> keyboard) {
            this(messageId, edit, photo, text, keyboard, null);
        }
    }

    /** The person's screen: messages, and the pop-ups a button's answer shows. */
    @FunctionalInterface
    public interface Screen {
        void show(Shown shown);

        /** answerCallbackQuery with a text: a short note over the chat, or an alert to dismiss. */
        default void popup(String text, boolean alert) {}

        default void deleted(int messageId) {}
    }

    private final long chatId;
    private final String firstName;
    private final String languageCode;
    final Screen listener;
    private final Path files;
    private final ChatMessages messages = new ChatMessages();
    private final HttpServer server;
    private final Object monitor = new Object();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private int nextUpdateId = 1;
    private int nextMessageId = 1;
    private final SimulatedStars stars = new SimulatedStars(this);
    /** The data of the Pay button under a simulated Stars invoice (never sent to the bot). */
    static final String PAY_STARS = "sandbox-pay-stars:";

    public SimulatedTelegram(long chatId, String firstName, String languageCode, Screen listener) {
        this(chatId, firstName, languageCode, null, listener);
    }

    /** @param files where photos and documents the bot sends are saved; null: a temporary directory */
    public SimulatedTelegram(long chatId, String firstName, String languageCode, Path files, Screen listener) {
        try {
            this.files = files != null ? Files.createDirectories(files) : Files.createTempDirectory("vpnbot-sandbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        int id = nextMessageId();
        messages.keep(id, new ChatMessages.Kept(false, text, List.of(), false)); // the bot may delete it (a typed password)
        ObjectNode message = message(id, user(), text);
        push(JSON.createObjectNode().set("message", message));
    }

    /** The person answered one of the messages (Telegram's "Reply"), as support answers a ticket. */
    public void reply(int messageId, String text) {
        ObjectNode message = message(nextMessageId(), user(), text);
        ChatMessages.Kept original = messages.get(messageId);
        if (original != null) {
            ObjectNode quoted = message(messageId, original.fromBot() ? bot() : user(), "");
            quoted.remove("text");
            // Telegram quotes the text without its formatting
            quoted.put(original.photo() ? "caption" : "text", TerminalChat.plain(original.text()));
            message.set("reply_to_message", quoted);
        }
        push(JSON.createObjectNode().set("message", message));
    }

    /** The directory photos and documents are saved in. */
    public Path files() {
        return files;
    }

    /** The person pressed a callback button under one of the bot's messages (or Pay under a Stars invoice). */
    public void press(int messageId, String data) {
        if (data.startsWith(PAY_STARS)) {
            stars.pay(Integer.parseInt(data.substring(PAY_STARS.length())));
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

    void push(ObjectNode update) {
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
            Map<String, String> params = new LinkedHashMap<>();
            byte[] file = params(exchange, params);
            JsonNode result;
            try {
                result = switch (method) {
                    case "getupdates" -> takeUpdates(parseLong(params.get("offset")));
                    case "sendmessage", "sendphoto", "senddocument", "editmessagetext", "editmessagecaption" -> show(method, params, file);
                    case "answercallbackquery" -> popup(params);
                    case "deletemessage" -> delete(params);
                    case "getme" -> bot();
                    case "sendinvoice" -> stars.invoice(params);
                    case "answerprecheckoutquery" -> stars.checkoutAnswered(params);
                    case "refundstarpayment" -> stars.refunded(params);
                    default -> JSON.getNodeFactory().booleanNode(true); // setMyCommands, deleteWebhook…
                };
            } catch (ChatMessages.Refused refused) {
                respond(exchange, refused.code, error(refused.code, refused.getMessage()));
                return;
            }
            ObjectNode ok = JSON.createObjectNode().put("ok", true);
            ok.set("result", result);
            respond(exchange, 200, ok);
        }
    }

    private JsonNode popup(Map<String, String> params) {
        String text = params.get("text");
        if (text != null && !text.isBlank()) listener.popup(text, Boolean.parseBoolean(params.get("show_alert")));
        return JSON.getNodeFactory().booleanNode(true);
    }

    private JsonNode delete(Map<String, String> params) {
        int id = (int) parseLong(params.get("message_id"));
        messages.delete(id);
        listener.deleted(id);
        return JSON.getNodeFactory().booleanNode(true);
    }

    private JsonNode show(String method, Map<String, String> params, byte[] file) {
        boolean edit = method.startsWith("edit");
        boolean photo = method.equals("sendphoto");
        String text = params.getOrDefault("text", params.getOrDefault("caption", ""));
        List<List<Button>> keyboard = ChatMessages.keyboard(params.get("reply_markup"));
        int id;
        Path saved = null;
        if (edit) {
            id = (int) parseLong(params.get("message_id"));
            ChatMessages.Kept before = messages.edit(method, id, text, keyboard);
            photo = before.photo();
        } else {
            id = nextMessageId();
            if (file != null) saved = save(id, method.equals("sendphoto") ? "png" : "bin", params.get("file_name"), file);
        }
        messages.keep(id, new ChatMessages.Kept(photo || method.equals("senddocument"), text, keyboard, true));
        listener.show(new Shown(id, edit, photo, method.equals("senddocument") ? documentLine(params, saved, file) : text,
                keyboard, saved));
        return message(id, bot(), text);
    }


    private Path save(int id, String extension, String name, byte[] content) {
        String safe = name == null ? "message-" + id + "." + extension : id + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            return Files.write(files.resolve(safe), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String documentLine(Map<String, String> params, Path saved, byte[] file) {
        String caption = params.getOrDefault("caption", "");
        return "📎 " + (saved == null ? "(no file)" : saved.getFileName() + ", " + file.length + " bytes") + (caption.isEmpty() ? "" : "\n" + caption);
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


    /**
     * Reads JSON bodies and multipart forms (photos, documents) into {@code params}; returns the
     * uploaded file's bytes, or null. Multipart is read as bytes, so a PNG arrives intact.
     */
    private static byte[] params(HttpExchange exchange, Map<String, String> params) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length == 0) return null;
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            JSON.readTree(body).fields().forEachRemaining(e ->
                    params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            return null;
        }
        String boundary = type.substring(type.toLowerCase(Locale.ROOT).indexOf("boundary=") + 9).replace("\"", "").split(";")[0].strip();
        return Multipart.read(body, boundary, params);
    }

    ObjectNode message(int id, ObjectNode from, String text) {
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

    ObjectNode user() {
        return JSON.createObjectNode().put("id", chatId).put("is_bot", false).put("first_name", firstName)
                .put("language_code", languageCode);
    }

    static ObjectNode bot() {
        return JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "vpnbot sandbox")
                .put("username", "vpnbot_sandbox_bot");
    }

    int nextMessageId() {
        synchronized (monitor) {
            return nextMessageId++;
        }
    }

    private static ObjectNode error(String description) {
        return error(401, description);
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
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
