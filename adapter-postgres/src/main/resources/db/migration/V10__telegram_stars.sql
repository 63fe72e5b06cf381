-- Telegram Stars as a second way to pay (issue 19).

-- A tariff's own price in Stars; null: derived from its price and STARS_PER_UNIT when an order is placed.
ALTER TABLE tariffs ADD COLUMN stars_price integer CHECK (stars_price BETWEEN 1 AND 100000);

-- The Stars price an order was placed with (null: Stars not on offer), and how it was paid.
ALTER TABLE orders
    ADD COLUMN stars_price integer CHECK (stars_price BETWEEN 1 AND 100000),
    ADD COLUMN paid_via    text    CHECK (paid_via IN ('CRYPTO', 'STARS', 'TEST', 'GRANT'));

-- Orders paid before this migration: test payments left an event 'test_paid', grants paid zero,
-- the rest came through the crypto gateway. Test payments and grants are no revenue.
UPDATE orders o SET paid_via = CASE
        WHEN EXISTS (SELECT 1 FROM payment_events e WHERE e.order_public_id = o.public_id AND e.raw_status = 'test_paid') THEN 'TEST'
        WHEN o.amount_paid = 0 THEN 'GRANT'
        ELSE 'CRYPTO' END
 WHERE o.status IN ('PAID', 'FULFILLED');

-- The Stars ledger: one row per Telegram charge (telegram_payment_charge_id), the exactly-once key.
-- HELD rows are money that paid no order, kept against the payer for an admin to grant or refund.
-- panel_pending: a refund took the time back here and the panel has yet to follow.
CREATE TABLE star_payments (
    charge_id     text        PRIMARY KEY CHECK (length(charge_id) BETWEEN 1 AND 256),
    payer_id      bigint      NOT NULL CHECK (payer_id > 0), -- no foreign key: Telegram may report a payer we never stored
    payload       text        NOT NULL,
    order_id      bigint      REFERENCES orders (id),
    stars         integer     NOT NULL CHECK (stars BETWEEN 0 AND 100000),
    status        text        NOT NULL CHECK (status IN ('APPLIED', 'HELD', 'REFUNDED')),
    problem       text        CHECK (problem IN ('NO_ORDER', 'NOT_YOURS', 'NOT_PAYABLE', 'WRONG_AMOUNT')),
    received_at   timestamptz NOT NULL,
    refunded_at   timestamptz,
    panel_pending boolean     NOT NULL DEFAULT false,
    CHECK ((status = 'REFUNDED') = (refunded_at IS NOT NULL)),
    CHECK (status <> 'APPLIED' OR (order_id IS NOT NULL AND problem IS NULL)),
    CHECK (status <> 'HELD' OR problem IS NOT NULL)
);
-- the admin's user card: a payer's payments, newest first
CREATE INDEX star_payments_payer_idx ON star_payments (payer_id, received_at DESC);
-- refunds whose panel step is still to be done
CREATE INDEX star_payments_panel_idx ON star_payments (refunded_at) WHERE panel_pending;
-- statistics: Stars received and refunded in a period
CREATE INDEX star_payments_received_idx ON star_payments (received_at);
CREATE INDEX star_payments_refunded_idx ON star_payments (refunded_at) WHERE refunded_at IS NOT NULL;
