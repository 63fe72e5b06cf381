-- The buyer's messages that follow a change to their order (key ready, key extended, payment too
-- low), written in the same transaction as the change and kept until Telegram confirmed them:
-- a crash delays such a message but never loses it. One per (order, kind). Relays claim due rows
-- with FOR UPDATE SKIP LOCKED and push next_attempt_at to the end of their lease.
CREATE TABLE order_notices (
    order_id        bigint      NOT NULL REFERENCES orders (id),
    kind            text        NOT NULL CHECK (kind IN ('KEY_READY', 'KEY_EXTENDED', 'PAYMENT_TOO_LOW')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    given_up_at     timestamptz,
    last_error      text,
    PRIMARY KEY (order_id, kind)
);
CREATE INDEX order_notices_due_idx ON order_notices (next_attempt_at, order_id)
    WHERE sent_at IS NULL AND given_up_at IS NULL;

-- The reconciler's second walk: orders given up on whose invoice may still be paid.
CREATE INDEX orders_lapsed_idx ON orders (id)
    WHERE status IN ('CANCELLED', 'EXPIRED', 'UNDERPAID') AND invoice_id IS NOT NULL;
