package dev.vpnbot.adapter.telegram.admin;

import dev.vpnbot.application.model.panel.RealityInboundRequest;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.server.PanelAddress;
import dev.vpnbot.domain.server.PanelConnection;
import dev.vpnbot.domain.server.PanelCredentials;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads what an admin typed (a price, a number of days, panel credentials…). Anything that does
 * not make sense is an {@link Invalid} naming the text that explains it; nothing is changed then.
 */
final class AdminInput {
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(?:[.,]\\d{1,9})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
    /** The quoted input at the end of PanelConnection's messages ("…, got 'x'", "…: 'x'"). */
    private static final Pattern QUOTED_INPUT = Pattern.compile("[,:]?\\s*(got\\s*)?'.*'\\s*$", Pattern.DOTALL);
    static final int MAX_CLIENTS_LIMIT = 1_000_000;

    private AdminInput() {}

    /** Input that cannot be used; {@code key} is the text explaining why, in the admin's language. */
    static final class Invalid extends RuntimeException {
        final String key;
        final transient Object[] args;

        Invalid(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    /** A new tariff: "days price currency [display order]". */
    record NewTariff(int days, Money price, Integer displayOrder) {}

    static String text(String text) {
        if (text == null || text.isBlank()) throw new Invalid("admin.error.text_only");
        return text.strip();
    }

    /** "4.99", "4,99" or "4.99 USD"; the currency stays {@code current} when left out. */
    static Money price(String text, Currency current) {
        String[] words = text(text).split("\\s+");
        if (words.length > 2) throw new Invalid("admin.error.price", text.strip());
        String currency = words.length == 2 ? words[1] : current.getCurrencyCode();
        return money(words[0], currency);
    }

    static NewTariff newTariff(String text) {
        String[] words = text(text).split("\\s+");
        if (words.length < 3 || words.length > 4) throw new Invalid("admin.error.tariff_format");
        int days = wholeNumber(words[0], 1, Tariff.MAX_DAYS, "admin.error.days");
        Money price = money(words[1], words[2]);
        Integer order = words.length == 4 ? wholeNumber(words[3], 0, 1_000_000, "admin.error.display_order") : null;
        return new NewTariff(days, price, order);
    }

    static int wholeNumber(String text, int min, int max, String errorKey) {
        String s = text(text);
        if (!WHOLE.matcher(s).matches()) throw new Invalid(errorKey, min, max);
        int n = Integer.parseInt(s);
        if (n < min || n > max) throw new Invalid(errorKey, min, max);
        return n;
    }

    static int maxClients(String text) {
        return wholeNumber(text, 1, MAX_CLIENTS_LIMIT, "admin.error.max_clients");
    }

    static String serverName(String text) {
        String name = text(text);
        if (name.length() > Server.MAX_NAME_LENGTH) throw new Invalid("admin.error.server_name", Server.MAX_NAME_LENGTH);
        return name;
    }

    /** The panel URL as the browser shows it, with the web base path; normalised by {@link PanelConnection}. */
    static String panelUrl(String text) {
        String url = text(text);
        try {
            // the credentials do not matter here: only the URL is checked
            String baseUrl = new PanelConnection(url, new PanelCredentials.ApiToken("check"), null).baseUrl();
            PanelAddress.refuseUnsafe(baseUrl);
            return baseUrl;
        } catch (IllegalArgumentException e) {
            // the reason without the text itself: a login pasted here by mistake is never echoed
            throw new Invalid("admin.error.url", QUOTED_INPUT.matcher(String.valueOf(e.getMessage())).replaceAll(""));
        }
    }

    /**
     * Username and password on two lines (a third line: the two-factor code), or all on one line
     * separated by spaces; or {@code token <API token>}.
     */
    static PanelCredentials credentials(String text) {
        String s = text(text);
        List<String> lines = Arrays.stream(s.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> parts = lines.size() == 1 ? List.of(lines.get(0).split("\\s+")) : lines;
        if (parts.size() == 2 && parts.get(0).toLowerCase(Locale.ROOT).equals("token")) {
            return new PanelCredentials.ApiToken(parts.get(1));
        }
        if (parts.size() == 2 || parts.size() == 3) {
            return new PanelCredentials.Password(parts.get(0), parts.get(1), parts.size() == 3 ? parts.get(2) : null);
        }
        throw new Invalid("admin.error.credentials");
    }

    /** "8443 www.microsoft.com": the port and the SNI of a new VLESS Reality inbound. */
    static RealityInboundRequest realityInbound(String text, String remark) {
        String[] words = text(text).split("\\s+");
        if (words.length != 2) throw new Invalid("admin.error.reality_format");
        int port = wholeNumber(words[0], 1, 65_535, "admin.error.port");
        try {
            return new RealityInboundRequest(port, remark, words[1]);
        } catch (IllegalArgumentException e) {
            throw new Invalid("admin.error.sni", words[1]);
        }
    }

    private static Money money(String amount, String currency) {
        if (!AMOUNT.matcher(amount).matches()) throw new Invalid("admin.error.price", amount);
        if (!CURRENCY.matcher(currency).matches()) throw new Invalid("admin.error.currency", currency);
        Currency code;
        try {
            code = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("admin.error.currency", currency);
        }
        Money money;
        try {
            money = new Money(new BigDecimal(amount.replace(',', '.')), code);
        } catch (IllegalArgumentException e) {
            throw new Invalid("admin.error.decimals", code.getCurrencyCode(), Math.max(code.getDefaultFractionDigits(), 0));
        }
        if (money.amount().signum() <= 0) throw new Invalid("admin.error.price_zero");
        return money;
    }
}
