-- vpnbot schema, version 3: what the admin panel needs.

-- A server is retired rather than deleted: the keys and orders that named it stay on record.
ALTER TABLE servers ADD COLUMN retired_at timestamptz;

-- Broadcasts and their progress. Recipients are walked in Telegram-id order; last_recipient is
-- the cursor saved after every batch, and sent_notifications keeps each delivery once-only.
CREATE SEQUENCE broadcast_ids;
CREATE TABLE broadcasts (
    id             bigint      PRIMARY KEY CHECK (id > 0),
    author_id      bigint      NOT NULL,
    text           text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    audience       text        NOT NULL CHECK (audience IN ('ALL', 'WITH_ACTIVE_KEY', 'WITH_EXPIRED_KEY')),
    status         text        NOT NULL CHECK (status IN ('DRAFT', 'SENDING', 'DONE', 'CANCELLED')),
    sent           integer     NOT NULL CHECK (sent >= 0),
    blocked        integer     NOT NULL CHECK (blocked >= 0),
    failed         integer     NOT NULL CHECK (failed >= 0),
    last_recipient bigint      NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX broadcasts_sending_idx ON broadcasts (id) WHERE status = 'SENDING';

-- Revenue per period reads paid orders by payment time.
CREATE INDEX orders_paid_at_idx ON orders (paid_at) WHERE paid_at IS NOT NULL;
