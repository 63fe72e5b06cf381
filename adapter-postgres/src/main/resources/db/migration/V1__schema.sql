-- vpnbot schema, version 1.
-- Every instant is timestamptz (an absolute point in time, stored as UTC); the session time
-- zone therefore never changes a stored value. Names are unqualified: Flyway and the pool put
-- the configured schema first on the search_path.

-- Everybody who has talked to the bot; the id is the Telegram user id.
CREATE TABLE users (
    id            bigint      PRIMARY KEY CHECK (id > 0),
    first_name    text        NOT NULL DEFAULT '',
    username      text,
    language      text        NOT NULL CHECK (language IN ('RU', 'EN')),
    time_zone     text,
    blocked       boolean     NOT NULL DEFAULT false,
    registered_at timestamptz NOT NULL
);
-- findByUsername is case-insensitive
CREATE INDEX users_username_idx ON users (lower(username)) WHERE username IS NOT NULL;

-- The price list. Orders copy what they need, so a tariff can change or go without touching them.
CREATE SEQUENCE tariff_ids START WITH 101; -- 1..100 are left for seeded rows
CREATE TABLE tariffs (
    id            bigint        PRIMARY KEY CHECK (id > 0),
    days          integer       NOT NULL CHECK (days BETWEEN 1 AND 3660),
    price         numeric(20,8) NOT NULL CHECK (price > 0),
    currency      char(3)       NOT NULL,
    active        boolean       NOT NULL,
    display_order integer       NOT NULL
);

-- The VPN servers and how to reach their 3x-ui panels. The panel password or API token (and a
-- two-factor code, if any) are AES-256-GCM ciphertexts made by the application: the database
-- never sees them in clear.
CREATE SEQUENCE server_ids;
CREATE TABLE servers (
    id                 bigint      PRIMARY KEY CHECK (id > 0),
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    panel_base_url     text        NOT NULL CHECK (panel_base_url ~ '^https?://'),
    auth_kind          text        NOT NULL CHECK (auth_kind IN ('password', 'token')),
    panel_username     text,
    panel_secret       bytea       NOT NULL,
    panel_two_factor   bytea,
    tls_pin_sha256     text        CHECK (tls_pin_sha256 ~ '^[0-9a-f]{64}$'),
    inbound_id         integer     NOT NULL CHECK (inbound_id > 0),
    is_active          boolean     NOT NULL,
    max_clients        integer     NOT NULL CHECK (max_clients >= 1),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((auth_kind = 'password') = (panel_username IS NOT NULL))
);

-- The keys we sold: one client on one server's panel.
CREATE SEQUENCE key_ids;
CREATE TABLE vpn_keys (
    id               bigint      PRIMARY KEY CHECK (id > 0),
    user_id          bigint      NOT NULL REFERENCES users (id),
    server_id        bigint      NOT NULL REFERENCES servers (id),
    client_uuid      uuid        NOT NULL,
    panel_email      text        NOT NULL,
    sub_id           text        NOT NULL,
    expires_at       timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PROVISIONING', 'ACTIVE', 'DISABLED', 'DELETED')),
    subscription_url text,
    vless_url        text,
    created_at       timestamptz NOT NULL,
    CHECK (status <> 'ACTIVE' OR vless_url IS NOT NULL)
);
-- the panel identity of a client is unique across all keys (the panel compares emails case-insensitively)
CREATE UNIQUE INDEX vpn_keys_panel_email_key ON vpn_keys (lower(panel_email));
CREATE UNIQUE INDEX vpn_keys_sub_id_key ON vpn_keys (sub_id);
-- "my keys": a user's keys, newest first
CREATE INDEX vpn_keys_user_idx ON vpn_keys (user_id, created_at DESC, id DESC);
-- expiry reminders: active keys in the order they are reminded (expiry, then id), so LIMIT stops early
CREATE INDEX vpn_keys_active_expiry_idx ON vpn_keys (expires_at, id) WHERE status = 'ACTIVE';
-- server load: live keys per server
CREATE INDEX vpn_keys_server_load_idx ON vpn_keys (server_id, expires_at) WHERE status IN ('ACTIVE', 'PROVISIONING');

-- Orders, from placed to fulfilled. Columns mirror dev.vpnbot.domain.order.Order.
CREATE SEQUENCE order_ids;
CREATE TABLE orders (
    id                bigint        PRIMARY KEY CHECK (id > 0),
    public_id         text          NOT NULL UNIQUE CHECK (public_id ~ '^[A-Za-z0-9_-]{1,128}$'),
    user_id           bigint        NOT NULL REFERENCES users (id),
    tariff_id         bigint        NOT NULL, -- no foreign key: a tariff may be deleted, the order keeps its snapshot
    days              integer       NOT NULL CHECK (days BETWEEN 1 AND 3660),
    amount            numeric(20,8) NOT NULL CHECK (amount >= 0),
    currency          char(3)       NOT NULL,
    purpose           text          NOT NULL CHECK (purpose IN ('NEW_KEY', 'RENEWAL')),
    server_id         bigint        REFERENCES servers (id),
    key_id            bigint        REFERENCES vpn_keys (id),
    status            text          NOT NULL CHECK (status IN ('CREATED', 'AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'EXPIRED', 'CANCELLED', 'UNDERPAID')),
    payment_deadline  timestamptz   NOT NULL,
    created_at        timestamptz   NOT NULL,
    paid_at           timestamptz,
    fulfilled_at      timestamptz,
    invoice_id        text,
    invoice_url       text,
    amount_paid       numeric(20,8) CHECK (amount_paid >= 0),
    amount_paid_currency char(3),
    granted_until     timestamptz,
    CHECK ((purpose = 'NEW_KEY') = (server_id IS NOT NULL)),
    CHECK (purpose = 'NEW_KEY' OR key_id IS NOT NULL),
    CHECK ((invoice_id IS NULL) = (invoice_url IS NULL)),
    CHECK ((amount_paid IS NULL) = (amount_paid_currency IS NULL)),
    CHECK (status NOT IN ('PAID', 'FULFILLED') OR (paid_at IS NOT NULL AND amount_paid IS NOT NULL)),
    CHECK (status <> 'FULFILLED' OR (fulfilled_at IS NOT NULL AND key_id IS NOT NULL))
);
-- a user's orders, newest first
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC, id DESC);
-- the reconciler: orders still waiting for money, oldest first
CREATE INDEX orders_waiting_idx ON orders (created_at, id) WHERE status IN ('CREATED', 'AWAITING_PAYMENT');
CREATE INDEX orders_invoice_idx ON orders (invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX orders_key_idx ON orders (key_id) WHERE key_id IS NOT NULL;

-- Verified payment notifications, kept as received for audit. A repeat (same invoice, same
-- status) is recognised by the unique constraint.
CREATE TABLE payment_events (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id      text        NOT NULL,
    order_public_id text        NOT NULL,
    raw_status      text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'PAID_OVER', 'WRONG_AMOUNT', 'FAILED', 'REFUNDED')),
    payload         text        NOT NULL,
    received_at     timestamptz NOT NULL,
    UNIQUE (invoice_id, raw_status)
);
CREATE INDEX payment_events_order_idx ON payment_events (order_public_id);

-- Paid orders whose key still has to be created or extended: at most one job per order.
CREATE TABLE fulfilment_jobs (
    order_id        bigint      PRIMARY KEY REFERENCES orders (id),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fulfilment_jobs_due_idx ON fulfilment_jobs (next_attempt_at, order_id);

-- Where each chat stands in a multi-step flow; opaque to the database.
CREATE TABLE conversation_states (
    chat_id    bigint      PRIMARY KEY,
    state      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Messages that must go out at most once (expiry reminders, broadcast deliveries).
CREATE TABLE sent_notifications (
    kind    text        NOT NULL,
    subject text        NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, subject)
);
