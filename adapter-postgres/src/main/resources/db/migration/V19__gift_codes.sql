-- vpnbot schema, version 19: gift codes (docs/CODES.md, "Gift codes").
-- A gift is paid by its own order; the key is delivered by a second, zero-price order (key_order_id)
-- for whoever takes it. Taking is one conditional UPDATE (status ISSUED -> REDEEMED), so of many
-- people opening the link at once exactly one wins.
CREATE TABLE gifts (
    id           bigserial   PRIMARY KEY,
    code         text        NOT NULL UNIQUE CHECK (code ~ '^[a-z2-7]{20}$'),
    order_id     bigint      NOT NULL UNIQUE REFERENCES orders (id),
    buyer_id     bigint      NOT NULL REFERENCES users (id),
    tariff_id    bigint      NOT NULL,   -- no foreign key: a tariff may be deleted, the gift keeps its days
    days         integer     NOT NULL CHECK (days > 0),
    status       text        NOT NULL CHECK (status IN ('UNPAID', 'ISSUED', 'REDEEMED', 'RECLAIMED', 'VOIDED')),
    valid_until  timestamptz,
    taken_by     bigint      REFERENCES users (id),
    key_order_id bigint      UNIQUE REFERENCES orders (id),
    created_at   timestamptz NOT NULL,
    taken_at     timestamptz,
    CHECK (status IN ('UNPAID', 'VOIDED') OR valid_until IS NOT NULL),
    CHECK ((status IN ('REDEEMED', 'RECLAIMED')) = (taken_by IS NOT NULL AND taken_at IS NOT NULL))
);
CREATE INDEX gifts_buyer ON gifts (buyer_id, id);
