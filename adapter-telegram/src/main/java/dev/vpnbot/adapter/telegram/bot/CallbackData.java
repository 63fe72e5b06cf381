package dev.vpnbot.adapter.telegram.bot;

import dev.vpnbot.domain.broadcast.Audience;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a button asks for, packed into Telegram's callback_data (at most 64 bytes):
 * {@code <action>[:<arg>]*}, e.g. {@code bs:3:0} = "buy tariff 3 on a server the bot picks".
 *
 * <p>Parsing is strict: an unknown action, a wrong number of arguments or a malformed value
 * gives nothing, and the caller refuses the button. Ownership of the keys and orders named
 * here is checked by the use cases, never assumed from the data.
 */
public record CallbackData(Action action, List<String> args) {
    static final int MAX_BYTES = 64;
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** An app's code in the app list (as {@code VpnApp} allows it). */
    private static final Pattern APP_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    /** Short names of broadcast audiences, to keep the data small. */
    private static final Map<String, Audience> AUDIENCES = Map.of(
            "all", Audience.ALL, "active", Audience.WITH_ACTIVE_KEY, "expired", Audience.WITH_EXPIRED_KEY,
            "unpaid", Audience.NEVER_PAID, "trial", Audience.TRIAL_ONLY, "soon", Audience.EXPIRING_SOON);

    public enum Arg { ID, ID_OR_ZERO, PLATFORM, LANGUAGE, FLAG, AUDIENCE, ZONE, APP, GIFT }

    /** Who may press a button. Admin buttons are refused before any screen runs (and the use cases check again). */
    enum Who { ANYONE, ADMIN }

    public enum Action {
        MENU("m"),
        BUY("b"),
        BUY_TARIFF("bt", Arg.ID),
        /** tariff, then server or 0 for "choose for me" */
        BUY_SERVER("bs", Arg.ID, Arg.ID_OR_ZERO),
        ORDER_CHECK("oc", Arg.ID),
        ORDER_CANCEL("ox", Arg.ID),
        KEYS("k"),
        KEY("ki", Arg.ID),
        KEY_SHOW("ks", Arg.ID),
        KEY_EXTEND("ke", Arg.ID),
        /** key: "my VPN doesn't work" */
        KEY_DOCTOR("ud", Arg.ID),
        /** key: a support ticket with the key's diagnosis attached */
        KEY_DOCTOR_SUPPORT("us", Arg.ID),
        /** key, then tariff */
        EXTEND_TARIFF("et", Arg.ID, Arg.ID),
        CONNECT("h"),
        CONNECT_FOR_KEY("hk", Arg.ID),
        CONNECT_PLATFORM("hp", Arg.PLATFORM),
        /** platform, then key */
        CONNECT_PLATFORM_FOR_KEY("hq", Arg.PLATFORM, Arg.ID),
        SUPPORT("s"),
        SUPPORT_CANCEL("sx"),
        LANGUAGE("l"),
        LANGUAGE_SET("ls", Arg.LANGUAGE),
        /** test payment mode only: pays the order as a verified webhook would */
        ORDER_PAY_TEST("op", Arg.ID),
        /** page of "my keys" after the first */
        KEYS_PAGE("kp", Arg.ID),
        /** Telegram Stars: sends the order's Stars invoice */
        ORDER_PAY_STARS("oz", Arg.ID),
        TIME_ZONE("z"),
        /** a zone id; an offset zone without its colon ("UTC+0530") */
        TIME_ZONE_SET("zs", Arg.ZONE),
        /** a new subscription link (and panel UUID) for the key */
        KEY_RESET_LINK("kr", Arg.ID),
        /** promo codes (docs/CODES.md): "I have a code" for the order */
        ORDER_CODE("cp", Arg.ID),
        // ---- the balance (docs/BALANCE.md); codes "b" + a second letter, none taken by BUY's ----
        BALANCE("bb"),
        BALANCE_HISTORY("bh"),
        BALANCE_TOP_UP("bu"),
        /** the n-th preset amount (1-based) */
        BALANCE_TOP_UP_PRESET("ba", Arg.ID),
        /** order: pay it whole from the balance */
        BALANCE_PAY_ORDER("bp", Arg.ID),
        /** order: a top-up over what the balance lacks, which then pays the order */
        BALANCE_PAY_REST("br", Arg.ID),
        /** key, then 1 = auto-renew on, 0 = off */
        BALANCE_AUTO_RENEW("bw", Arg.ID, Arg.FLAG),
        /** the free trial: what it gives, and the button that takes it */
        TRIAL("t"),
        TRIAL_TAKE("tg"),
        /** "Invite friends": the user's start link, invited count, rewards */
        INVITE("ti"),
        /** "Invite friends": which key gets the days rewards; then the key chosen */
        REWARD_KEYS("rk"),
        REWARD_KEY_SET("rs", Arg.ID),
        /** gift codes (docs/CODES.md): buy the tariff as a gift; my gifts; take a gift (code) on a server; take back (gift id) */
        GIFT_BUY("gb", Arg.ID),
        GIFTS("g"),
        GIFT_SERVER("gs", Arg.GIFT, Arg.ID),
        GIFT_RECLAIM("gr", Arg.ID),
        GIFT_LINK("gl", Arg.ID),

        // ---- admins only; every code starts with 'a' ----
        ADMIN_HOME(Who.ADMIN, "a"),
        SERVERS(Who.ADMIN, "as"),
        SERVER(Who.ADMIN, "asv", Arg.ID),
        SERVER_TEST(Who.ADMIN, "ast", Arg.ID),
        /** server, then 1 = switch on, 0 = switch off */
        SERVER_ACTIVE(Who.ADMIN, "asa", Arg.ID, Arg.FLAG),
        SERVER_RENAME(Who.ADMIN, "asr", Arg.ID),
        SERVER_MAX_CLIENTS(Who.ADMIN, "asm", Arg.ID),
        SERVER_CREDENTIALS(Who.ADMIN, "asc", Arg.ID),
        SERVER_DELETE(Who.ADMIN, "asd", Arg.ID),
        SERVER_DELETE_CONFIRMED(Who.ADMIN, "asx", Arg.ID),
        SERVER_ADD(Who.ADMIN, "an"),
        SERVER_ADD_PIN_CERTIFICATE(Who.ADMIN, "anc"),
        SERVER_ADD_PIN_PUBLIC_KEY(Who.ADMIN, "ank"),
        SERVER_ADD_RETRY(Who.ADMIN, "anr"),
        SERVER_ADD_INBOUND(Who.ADMIN, "ani", Arg.ID),
        SERVER_ADD_NEW_INBOUND(Who.ADMIN, "ann"),
        SERVER_ENROLL_TOKEN(Who.ADMIN, "ae"),
        TARIFFS(Who.ADMIN, "af"),
        TARIFF(Who.ADMIN, "afv", Arg.ID),
        TARIFF_PRICE(Who.ADMIN, "afp", Arg.ID),
        /** tariff, then 1 = on sale, 0 = off sale */
        TARIFF_ACTIVE(Who.ADMIN, "afa", Arg.ID, Arg.FLAG),
        TARIFF_REMOVE(Who.ADMIN, "afd", Arg.ID),
        TARIFF_REMOVE_CONFIRMED(Who.ADMIN, "afx", Arg.ID),
        TARIFF_ADD(Who.ADMIN, "afn"),
        STATISTICS(Who.ADMIN, "aq"),
        BROADCAST(Who.ADMIN, "ab"),
        BROADCAST_AUDIENCE(Who.ADMIN, "aba", Arg.AUDIENCE),
        BROADCAST_CONFIRM(Who.ADMIN, "abc", Arg.ID),
        BROADCAST_CANCEL(Who.ADMIN, "abx", Arg.ID),
        BROADCAST_PROGRESS(Who.ADMIN, "abp", Arg.ID),
        USERS(Who.ADMIN, "au"),
        USER(Who.ADMIN, "aud", Arg.ID),
        /** user: choose the tariff of a new key */
        GRANT_KEY(Who.ADMIN, "auk", Arg.ID),
        /** user, tariff: choose the server */
        GRANT_KEY_TARIFF(Who.ADMIN, "aut", Arg.ID, Arg.ID),
        /** user, tariff, server: grant */
        GRANT_KEY_SERVER(Who.ADMIN, "aus", Arg.ID, Arg.ID, Arg.ID),
        /** user, key: choose the tariff of the extension */
        GRANT_EXTENSION(Who.ADMIN, "aue", Arg.ID, Arg.ID),
        /** user, key, tariff: grant */
        GRANT_EXTENSION_TARIFF(Who.ADMIN, "auf", Arg.ID, Arg.ID, Arg.ID),
        /** user, the Stars payment's receipt time in epoch ms: asks to confirm its refund */
        STARS_REFUND(Who.ADMIN, "aur", Arg.ID, Arg.ID),
        /** user, receipt time: refunds */
        STARS_REFUND_CONFIRMED(Who.ADMIN, "auy", Arg.ID, Arg.ID),
        /** tariff: type its Stars price */
        TARIFF_STARS(Who.ADMIN, "afs", Arg.ID),
        /** user: asks to confirm the ban */
        USER_BAN(Who.ADMIN, "aub", Arg.ID),
        /** user: bans (again: retries the panels) */
        USER_BAN_CONFIRMED(Who.ADMIN, "auc", Arg.ID),
        USER_UNBAN(Who.ADMIN, "auu", Arg.ID),
        /** user, key: asks to confirm a reset of the key's link */
        USER_KEY_RESET_LINK(Who.ADMIN, "apr", Arg.ID, Arg.ID),
        /** user, key: resets the link (new token, new UUID on every panel the key is on) */
        USER_KEY_RESET_LINK_CONFIRMED(Who.ADMIN, "apc", Arg.ID, Arg.ID),
        /** maintenance: asks for the message buyers read */
        SALES_PAUSE(Who.ADMIN, "afm"),
        SALES_PAUSE_SILENT(Who.ADMIN, "afq"),
        SALES_RESUME(Who.ADMIN, "afr"),
        /** promo codes: the list, one code (by id), disabling it, a new one */
        PROMO_CODES(Who.ADMIN, "ac"),
        PROMO_CODE(Who.ADMIN, "acv", Arg.ID),
        PROMO_CODE_DISABLE(Who.ADMIN, "acd", Arg.ID),
        PROMO_CODE_NEW(Who.ADMIN, "acn"),
        /** user: their ledger, with manual credit and debit */
        USER_LEDGER(Who.ADMIN, "abl", Arg.ID),
        /** user, then 1 = credit, 0 = debit: asks for "amount reason" */
        USER_LEDGER_ENTRY(Who.ADMIN, "abe", Arg.ID, Arg.FLAG),
        /** who has auto-renew on */
        AUTO_RENEWERS(Who.ADMIN, "abr"),
        /** tariff: asks for its device and traffic limits */
        TARIFF_LIMITS(Who.ADMIN, "aul", Arg.ID),
        /** tariff: asks for its traffic pack size in GB (0 = not a pack); "aq…", issue 22's traffic packs */
        TARIFF_PACK(Who.ADMIN, "aqp", Arg.ID),
        /** server, then 1 = trial keys go there, 0 = not */
        SERVER_FOR_TRIALS(Who.ADMIN, "atv", Arg.ID, Arg.FLAG),
        /** tariff, then 1 = each user may buy it once (paid micro-trial), 0 = any number of times */
        TARIFF_ONCE_PER_USER(Who.ADMIN, "atp", Arg.ID, Arg.FLAG),

        // ---- admins only, issue 22 (care): "ak…", the admin prefix and this change's letter ----
        /** broadcast draft: asks for its URL button */
        BROADCAST_BUTTON(Who.ADMIN, "akb", Arg.ID),
        /** the app list: its platforms */
        APPS(Who.ADMIN, "akl"),
        APPS_PLATFORM(Who.ADMIN, "akp", Arg.PLATFORM),
        APP(Who.ADMIN, "akv", Arg.PLATFORM, Arg.APP),
        /** platform, app, then 1 = switch on, 0 = switch off */
        APP_ENABLED(Who.ADMIN, "akt", Arg.PLATFORM, Arg.APP, Arg.FLAG),
        APP_DEFAULT(Who.ADMIN, "akd", Arg.PLATFORM, Arg.APP),
        APP_EDIT(Who.ADMIN, "ake", Arg.PLATFORM, Arg.APP),
        APP_ADD(Who.ADMIN, "akn", Arg.PLATFORM),
        SERVER_GROUPS(Who.ADMIN, "ag"), // server groups (docs/SUBSCRIPTION.md); aga/agr: group, server; agf: group, tariff
        SERVER_GROUP(Who.ADMIN, "agv", Arg.ID), SERVER_GROUP_NEW(Who.ADMIN, "agn"),
        SERVER_GROUP_SERVERS(Who.ADMIN, "agp", Arg.ID), SERVER_GROUP_ADD(Who.ADMIN, "aga", Arg.ID, Arg.ID),
        SERVER_GROUP_REMOVE(Who.ADMIN, "agr", Arg.ID, Arg.ID), SERVER_GROUP_RENAME(Who.ADMIN, "agm", Arg.ID),
        SERVER_GROUP_DELETE(Who.ADMIN, "agd", Arg.ID), SERVER_GROUP_DELETE_CONFIRMED(Who.ADMIN, "agx", Arg.ID),
        SERVER_GROUP_TARIFFS(Who.ADMIN, "agt", Arg.ID), SERVER_GROUP_TARIFF(Who.ADMIN, "agf", Arg.ID, Arg.ID),
        // ---- issue 17 (docs/MOVES.md): key → its locations, key+server → confirm / move; admins: server → confirm, evacuate, progress ----
        KEY_MOVE("mv", Arg.ID), KEY_MOVE_CONFIRM("mvc", Arg.ID, Arg.ID), KEY_MOVE_TO("mvt", Arg.ID, Arg.ID),
        SERVER_EVACUATE(Who.ADMIN, "axe", Arg.ID), SERVER_EVACUATE_CONFIRMED(Who.ADMIN, "axc", Arg.ID), EVACUATION(Who.ADMIN, "axp", Arg.ID);

        private static final Map<String, Action> BY_CODE =
                Arrays.stream(values()).collect(Collectors.toMap(a -> a.code, Function.identity()));

        final Who who;
        final String code;
        final List<Arg> args;

        Action(String code, Arg... args) {
            this(Who.ANYONE, code, args);
        }

        Action(Who who, String code, Arg... args) {
            this.who = who;
            this.code = code;
            this.args = List.of(args);
        }

        public boolean adminOnly() {
            return who == Who.ADMIN;
        }

        /** The short code that starts the data. */
        public String code() {
            return code;
        }

        /** What the button carries after the code, in order. */
        public List<Arg> args() {
            return args;
        }
    }

    public CallbackData {
        args = List.copyOf(args);
        if (args.size() != action.args.size()) throw new IllegalArgumentException(action + " takes " + action.args.size() + " arguments");
        for (int i = 0; i < args.size(); i++) {
            if (!valid(action.args.get(i), args.get(i))) throw new IllegalArgumentException("bad argument for " + action + ": " + args.get(i));
        }
        if (encode(action, args).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("callback data over 64 bytes");
        }
    }

    /** The data for a button; arguments are ids (long), platforms or languages. */
    public static String of(Action action, Object... args) {
        List<String> values = new ArrayList<>();
        for (Object arg : args) values.add(token(arg));
        return new CallbackData(action, values).encode();
    }

    public static Optional<CallbackData> parse(String data) {
        if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return Optional.empty();
        String[] parts = data.split(":", -1);
        Action action = Action.BY_CODE.get(parts[0]);
        if (action == null || parts.length - 1 != action.args.size()) return Optional.empty();
        List<String> args = Arrays.asList(parts).subList(1, parts.length);
        for (int i = 0; i < args.size(); i++) {
            if (!valid(action.args.get(i), args.get(i))) return Optional.empty();
        }
        return Optional.of(new CallbackData(action, args));
    }

    public String encode() {
        return encode(action, args);
    }

    public long id(int index) {
        return Long.parseLong(args.get(index));
    }

    public Platform platform(int index) {
        return Platform.valueOf(args.get(index).toUpperCase(Locale.ROOT));
    }

    public dev.vpnbot.domain.user.Language language(int index) {
        return dev.vpnbot.domain.user.Language.parse(args.get(index));
    }

    /** The zone id as the button carries it; the use case checks it again. */
    public String zone(int index) {
        return args.get(index);
    }

    /** A gift's secret code (its shape checked; the use case looks it up). */
    public String gift(int index) {
        return args.get(index);
    }

    public boolean flag(int index) {
        return args.get(index).equals("1");
    }

    /** An app's code, as the button carries it; the use case finds the app or refuses. */
    public String appCode(int index) {
        return args.get(index);
    }

    public Audience audience(int index) {
        return AUDIENCES.get(args.get(index));
    }

    private static String encode(Action action, List<String> args) {
        return args.isEmpty() ? action.code : action.code + ":" + String.join(":", args);
    }

    private static String token(Object arg) {
        if (arg instanceof Boolean b) return b ? "1" : "0";
        if (arg instanceof Audience a) return AUDIENCES.entrySet().stream().filter(e -> e.getValue() == a).findFirst().orElseThrow().getKey();
        if (arg instanceof Platform p) return p.name().toLowerCase(Locale.ROOT);
        if (arg instanceof java.time.ZoneId z) return z.getId().replace(":", "");
        if (arg instanceof dev.vpnbot.domain.user.Language l) return l.name().toLowerCase(Locale.ROOT);
        return String.valueOf(arg);
    }

    private static boolean valid(Arg kind, String value) {
        return switch (kind) {
            case ID -> ID.matcher(value).matches();
            case ID_OR_ZERO -> value.equals("0") || ID.matcher(value).matches();
            case PLATFORM -> Arrays.stream(Platform.values()).anyMatch(p -> p.name().toLowerCase(Locale.ROOT).equals(value));
            case LANGUAGE -> Arrays.stream(dev.vpnbot.domain.user.Language.values()).anyMatch(l -> l.name().toLowerCase(Locale.ROOT).equals(value));
            case FLAG -> value.equals("0") || value.equals("1");
            case AUDIENCE -> AUDIENCES.containsKey(value);
            case ZONE -> isZone(value);
            case APP -> APP_CODE.matcher(value).matches();
            case GIFT -> dev.vpnbot.domain.gift.Gift.looksLikeCode(value);
        };
    }

    private static boolean isZone(String value) {
        if (value.isEmpty() || value.contains(":")) return false;
        try {
            java.time.ZoneId.of(value);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}
