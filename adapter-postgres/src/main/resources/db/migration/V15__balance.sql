-- vpnbot schema, version 15: the balance ledger (issue 21, docs/BALANCE.md).

-- Orders may be paid from the balance.
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_paid_via_check;
ALTER TABLE orders ADD CONSTRAINT orders_paid_via_check CHECK (paid_via IN ('CRYPTO', 'STARS', 'TEST', 'GRANT', 'BALANCE'));

-- One account per user, in one currency. amount is a cached figure of the ledger below: it is
-- written in the same transaction as every entry, under this row's lock, and a check proves it
-- equals the ledger (LedgerReconciliation). It can never go below zero.
CREATE TABLE balance_accounts (
    user_id  bigint  PRIMARY KEY REFERENCES users (id),
    currency char(3) NOT NULL,
    amount   numeric(20,8) NOT NULL CHECK (amount >= 0),
    UNIQUE (user_id, currency)
);

-- The ledger: append-only. source is the exactly-once key of each entry ('topup:<order id>',
-- 'surplus:<order>', 'order:<order>', 'renew:<key>@<expiry ms>', 'admin:<uuid>'...).
CREATE TABLE balance_entries (
    id            bigserial     PRIMARY KEY,
    user_id       bigint        NOT NULL,
    currency      char(3)       NOT NULL,
    kind          text          NOT NULL CHECK (kind IN ('DEPOSIT', 'DEBIT', 'CREDIT', 'REVERSAL')),
    amount        numeric(20,8) NOT NULL CHECK (amount > 0),
    balance_after numeric(20,8) NOT NULL CHECK (balance_after >= 0),
    reason        text          NOT NULL CHECK (length(reason) BETWEEN 1 AND 300),
    source        text          NOT NULL UNIQUE CHECK (length(source) BETWEEN 1 AND 200),
    order_id      bigint        REFERENCES orders (id),
    payment_ref   text,
    actor_id      bigint,
    created_at    timestamptz   NOT NULL,
    FOREIGN KEY (user_id, currency) REFERENCES balance_accounts (user_id, currency)
);
CREATE INDEX balance_entries_user_idx ON balance_entries (user_id, id DESC);
CREATE INDEX balance_entries_created_idx ON balance_entries (created_at) WHERE kind = 'DEPOSIT';

-- Top-ups: a Heleket invoice that fills the balance (public id 'top-<id>-<nonce>', never an order's).
-- for_order: the order this top-up completes once credited (balance + invoice for the rest).
CREATE SEQUENCE top_up_ids;
CREATE TABLE top_ups (
    id          bigint        PRIMARY KEY,
    public_id   text          NOT NULL UNIQUE CHECK (public_id ~ '^top-[A-Za-z0-9_-]{1,120}$'),
    user_id     bigint        NOT NULL REFERENCES users (id),
    amount      numeric(20,8) NOT NULL CHECK (amount > 0),
    currency    char(3)       NOT NULL,
    for_order   bigint        REFERENCES orders (id),
    invoice_id  text,
    pay_url     text,
    created_at  timestamptz   NOT NULL,
    credited_at timestamptz
);
CREATE INDEX top_ups_waiting_idx ON top_ups (created_at) WHERE credited_at IS NULL;

-- Auto-renew, opt-in per key; tariff_id: the tariff it renews for.
CREATE TABLE auto_renew (
    key_id     bigint      PRIMARY KEY REFERENCES vpn_keys (id),
    user_id    bigint      NOT NULL REFERENCES users (id),
    tariff_id  bigint      NOT NULL,
    enabled_at timestamptz NOT NULL
);

-- One renewal per key and expiry, whichever instance gets there first.
CREATE TABLE auto_renewals (
    key_id     bigint      NOT NULL REFERENCES vpn_keys (id),
    expires_at timestamptz NOT NULL,
    order_id   bigint      NOT NULL REFERENCES orders (id),
    renewed_at timestamptz NOT NULL,
    PRIMARY KEY (key_id, expires_at)
);
