package dev.vpnbot.adapter.simulated;

import static dev.vpnbot.adapter.simulated.SimulatedTelegram.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SANDBOX ONLY — the Telegram Stars part of {@link SimulatedTelegram}: as Telegram would, it asks the
 * bot (pre_checkout_query) before taking the stars, then reports successful_payment.
 */
final class SimulatedStars {
    private final SimulatedTelegram telegram;
    /** Stars invoices shown, by message id: what pressing their Pay button pays. */
    private final Map<Integer, ObjectNode> invoices = new ConcurrentHashMap<>();
    /** Pre-checkout queries asked and not answered yet, by id. */
    private final Map<String, ObjectNode> checkouts = new ConcurrentHashMap<>();

    SimulatedStars(SimulatedTelegram telegram) {
        this.telegram = telegram;
    }

    /** sendInvoice: shown with a Pay button; the invoice is kept for when it is pressed. */
    JsonNode invoice(Map<String, String> params) {
        int id = telegram.nextMessageId();
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
        telegram.listener.show(new SimulatedTelegram.Shown(id, false, false, text,
                List.of(List.of(new SimulatedTelegram.Button("⭐ Pay " + amount + " (simulated Stars)", SimulatedTelegram.PAY_STARS + id, null, null)))));
        ObjectNode message = telegram.message(id, SimulatedTelegram.bot(), "");
        message.remove("text");
        message.set("invoice", invoice.deepCopy().without("payload"));
        return message;
    }

    /** Pay pressed: a pre_checkout_query for the bot, as Telegram sends before charging. */
    void pay(int invoiceMessage) {
        ObjectNode invoice = invoices.get(invoiceMessage);
        if (invoice == null) return;
        String id = "sandbox-pcq-" + System.nanoTime();
        checkouts.put(id, invoice);
        ObjectNode query = JSON.createObjectNode().put("id", id);
        query.set("from", telegram.user());
        query.put("currency", invoice.get("currency").asText()).put("total_amount", invoice.get("total_amount").asLong())
                .put("invoice_payload", invoice.get("payload").asText());
        telegram.push(JSON.createObjectNode().set("pre_checkout_query", query));
    }

    /** The bot said yes: the stars are taken and successful_payment arrives; no: the person sees why. */
    JsonNode checkoutAnswered(Map<String, String> params) {
        ObjectNode invoice = checkouts.remove(params.get("pre_checkout_query_id"));
        if (invoice == null) return JSON.getNodeFactory().booleanNode(false);
        if (!"true".equals(params.get("ok"))) {
            telegram.listener.show(new SimulatedTelegram.Shown(telegram.nextMessageId(), false, false, "Telegram: payment declined: " + params.get("error_message"), List.of()));
            return JSON.getNodeFactory().booleanNode(true);
        }
        ObjectNode message = telegram.message(telegram.nextMessageId(), telegram.user(), "");
        message.remove("text");
        message.putObject("successful_payment").put("currency", invoice.get("currency").asText())
                .put("total_amount", invoice.get("total_amount").asLong()).put("invoice_payload", invoice.get("payload").asText())
                .put("telegram_payment_charge_id", "sandbox-charge-" + System.nanoTime()).put("provider_payment_charge_id", "");
        telegram.push(JSON.createObjectNode().set("message", message));
        return JSON.getNodeFactory().booleanNode(true);
    }

    JsonNode refunded(Map<String, String> params) {
        telegram.listener.show(new SimulatedTelegram.Shown(telegram.nextMessageId(), false, false, "Telegram: Stars of charge " + params.get("telegram_payment_charge_id")
                + " returned to you (simulated)", List.of()));
        return JSON.getNodeFactory().booleanNode(true);
    }
}
