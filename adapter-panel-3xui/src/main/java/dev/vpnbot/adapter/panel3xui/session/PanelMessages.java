package dev.vpnbot.adapter.panel3xui.session;

/**
 * The fragments of 3x-ui error messages the adapter acts on. Messages are localised around
 * the English error text and Go appends newlines, so they are matched by "contains" only.
 */
public final class PanelMessages {
    private PanelMessages() {}

    static final String DATABASE_LOCKED = "database is locked";
    static final String DUPLICATE_EMAIL = "duplicate email";
    /** G3 wording on add. */
    static final String EMAIL_IN_USE = "email already in use";
    public static final String RECORD_NOT_FOUND = "record not found";
    /** G1/G2 updateClient: also what an unknown client id yields. */
    static final String EMPTY_CLIENT_ID = "empty client id";
    /** G1 v2.9.4+ / v3.0 delClient with an unknown id. */
    static final String CLIENT_NOT_IN_INBOUND = "client not found in inbound";
    /** v2.8.1–v3.0 getClientTraffics of an unknown email. */
    public static final String INBOUND_NOT_FOUND_FOR_EMAIL = "inbound not found for email";
    /** G3 delete of an unknown email. */
    static final String NOT_IN_ANY_INBOUND = "not found in any inbound";
    /** G1/G2: an inbound's last client cannot be deleted through delClient. */
    public static final String NO_CLIENT_REMAINED = "no client remained";
    public static final String PORT_EXISTS = "port already exists";
    /** v3 token scopes. */
    static final String TOKEN_NOT_PERMITTED = "not permitted";

    public static boolean isDuplicateEmail(Envelope e) {
        return e.says(DUPLICATE_EMAIL) || e.says(EMAIL_IN_USE);
    }

    public static boolean isUnknownClient(Envelope e) {
        return e.says(EMPTY_CLIENT_ID) || e.says(CLIENT_NOT_IN_INBOUND) || e.says(INBOUND_NOT_FOUND_FOR_EMAIL)
                || e.says(NOT_IN_ANY_INBOUND);
    }
}
